// Public tracking by code (mailbox letters, disclosure requests, reconsideration applications):
// the code typed in, the route /…/track/{code} it leads to, and the public record it loads.
import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import api from './api.js'

// routeBase: the page's path without the code ('/track'); apiBase: the public endpoint
// ('/api/public/track'); notFound: the message when no record has that code.
export function useTracking(routeBase, apiBase, notFound) {
  const route = useRoute()
  const router = useRouter()
  const code = ref('')
  const info = ref(null)
  const loading = ref(false)
  const error = ref('')

  function search() {
    const c = code.value.trim()
    if (!c) {
      error.value = '请输入查询码'
      return
    }
    if (route.params.code === c) load(c)
    else router.push(`${routeBase}/${encodeURIComponent(c)}`)
  }

  async function load(c) {
    loading.value = true
    error.value = ''
    try {
      info.value = await api.get(`${apiBase}/${encodeURIComponent(c)}`)
    } catch (err) {
      info.value = null
      error.value = err.status === 404 ? notFound : err.message
    } finally {
      loading.value = false
    }
  }

  watch(() => route.params.code, (c) => {
    if (c) {
      code.value = String(c)
      load(String(c))
    } else {
      info.value = null
      error.value = ''
    }
  }, { immediate: true })

  return { code, info, loading, error, search }
}
