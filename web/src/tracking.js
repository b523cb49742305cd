// Public tracking by code (mailbox letters, disclosure requests, reconsideration applications):
// the code typed in, the route /…/track/{code} it leads to, and the public record it loads.
import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import api from './api.js'
import { trackPageFor } from './modules/index.js'

// routeBase: the page's path without the code ('/track'); apiBase: the public endpoint
// ('/api/public/track'); notFound: the message when no record has that code.
// Every tracking box takes any code: GET /api/public/track-code/{code} says which procedure it
// belongs to (and nothing else), and the box opens that procedure's page (a module's
// portal.track: { <case type>: '<route base>' }).
export function useTracking(routeBase, apiBase, notFound) {
  const route = useRoute()
  const router = useRouter()
  const code = ref('')
  const info = ref(null)
  const loading = ref(false)
  const error = ref('')

  // The page that shows code c (this one when the code is unknown: it says so), or null when
  // the lookup itself failed (error set).
  async function pageOf(c) {
    try {
      const { type } = await api.get(`/api/public/track-code/${encodeURIComponent(c)}`)
      return trackPageFor(type) || routeBase
    } catch (err) {
      if (err.status === 404) return routeBase
      info.value = null
      error.value = err.message
      return null
    }
  }

  async function search() {
    const c = code.value.trim()
    if (!c) {
      error.value = '请输入查询码'
      return
    }
    loading.value = true
    const page = await pageOf(c)
    loading.value = false
    if (!page) return
    if (page === routeBase && route.params.code === c) load(c)
    else router.push(`${page}/${encodeURIComponent(c)}`)
  }

  async function load(c) {
    loading.value = true
    error.value = ''
    try {
      info.value = await api.get(`${apiBase}/${encodeURIComponent(c)}`)
    } catch (err) {
      info.value = null
      // A link to the wrong procedure's page (an old bookmark, a code typed into the address):
      // open the page that shows it.
      const page = err.status === 404 ? await pageOf(c) : null
      if (page && page !== routeBase) {
        router.replace(`${page}/${encodeURIComponent(c)}`)
        return
      }
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
