// A paged, sorted and filtered list whose state lives in the address bar (?page=&per_page=&sort=&…),
// so that a list can be bookmarked and the back button restores it. Every list of the API answers
// {items, total, page, per_page} and takes page, per_page (≤ 100), sort and its own filters.
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import api from './api.js'

const str = (v) => (typeof v === 'string' ? v : '')

/**
 * useRouteList({path, keys, sorts, defaultSort, query?, perPage?})
 *   path: the API list; keys: filter names kept in the address bar;
 *   sorts: {tableProp: ['asc key', 'desc key']} — the API's sort values for an el-table column;
 *   query(): extra fixed parameters (an agency user's own agency).
 * Returns the filters (bound to the form), rows, total, the whole answer (data), loading, error,
 * page, perPage, sort, params (the query without paging, for the export), tableSort (el-table
 * default-sort) and the handlers.
 */
export function useRouteList({ path, keys, sorts = {}, defaultSort = '', query = null, perPage: defaultPer = 20 }) {
  const route = useRoute()
  const router = useRouter()
  const routeName = route.name
  const filters = reactive(Object.fromEntries(keys.map((k) => [k, ''])))
  const rows = ref([])
  const total = ref(0)
  const data = ref({})
  const loading = ref(false)
  const error = ref('')

  const page = computed(() => Math.max(1, parseInt(route.query.page, 10) || 1))
  const perPage = computed(() => Math.min(100, Math.max(1, parseInt(route.query.per_page, 10) || defaultPer)))
  const sort = computed(() => str(route.query.sort) || defaultSort)
  const tableSort = computed(() => {
    for (const [prop, [asc, desc]] of Object.entries(sorts)) {
      if (asc && sort.value === asc) return { prop, order: 'ascending' }
      if (desc && sort.value === desc) return { prop, order: 'descending' }
    }
    return undefined
  })

  function pushQuery(patch) {
    const q = { ...route.query, ...patch }
    for (const k of Object.keys(q)) if (q[k] === '' || q[k] === undefined || q[k] === null) delete q[k]
    if (q.page === '1') delete q.page
    router.push({ query: q })
  }
  function search() {
    const patch = { page: undefined }
    for (const k of keys) patch[k] = String(filters[k] ?? '').trim()
    pushQuery(patch)
  }
  function reset() {
    for (const k of keys) filters[k] = ''
    router.push({ query: {} })
  }
  const onPage = (p) => pushQuery({ page: String(p) })
  const onSize = (s) => pushQuery({ per_page: String(s), page: undefined })
  function onSort({ prop, order }) {
    const pair = sorts[prop]
    if (!pair || !order) return pushQuery({ sort: undefined, page: undefined })
    const value = order === 'descending' ? pair[1] || pair[0] : pair[0] || pair[1]
    pushQuery({ sort: value === defaultSort ? undefined : value, page: undefined })
  }

  // What the list is asked for besides its page: also what its Excel export takes (ExportButton).
  const params = computed(() => {
    const q = { sort: sort.value || undefined }
    for (const k of keys) q[k] = str(route.query[k])
    if (query) Object.assign(q, query())
    return q
  })

  let seq = 0
  async function load() {
    const mine = ++seq
    loading.value = true
    error.value = ''
    const q = { page: page.value, per_page: perPage.value, ...params.value }
    try {
      const d = await api.get(path, q)
      if (mine !== seq) return
      data.value = d
      rows.value = d.items || []
      total.value = d.total || 0
    } catch (err) {
      if (mine !== seq) return
      data.value = {}
      rows.value = []
      total.value = 0
      error.value = err.message
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function sync() {
    for (const k of keys) filters[k] = str(route.query[k])
  }
  watch(() => route.query, () => {
    if (route.name !== routeName) return
    sync()
    load()
  })
  onMounted(() => {
    sync()
    load()
  })

  return { filters, rows, total, data, loading, error, page, perPage, sort, params, tableSort, pushQuery, search, reset, onPage, onSize, onSort, load }
}
