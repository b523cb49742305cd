// What the server says about itself, so the web app copies none of it: the county it serves
// (GET /api/public/meta, for every page, signed in or not) and, once signed in, which roles may
// call which route (GET /api/meta, "routes"). Menus and buttons that lead to a route show by
// can(); the county's name and emblem come from `county`.
import { onMounted, reactive, ref } from 'vue'
import api from './api.js'
import { session, getMeta } from './session.js'

/** The county, filled once by loadCounty(); empty strings until then (or if the server is unreachable). */
export const county = reactive({ name: '', government: '', emblem: null })

let countyPromise = null

/**
 * Loads the county once per page load. The router waits for it before the first page, so every
 * page and title can read `county` directly. A failure is not cached: the next navigation retries.
 */
export function loadCounty() {
  if (!countyPromise) {
    countyPromise = api.get('/api/public/meta')
      .then((d) => {
        Object.assign(county, d?.county || {})
        return county
      })
      .catch(() => {
        countyPromise = null
        return county
      })
  }
  return countyPromise
}

/** A text written with {county} and {government} placeholders, filled with the county's names. */
export function countyText(template) {
  return String(template || '').replace(/\{county\}/g, county.name).replace(/\{government\}/g, county.government)
}

// "POST /api/cases/{id}/attachments" -> a test of a concrete path ("/api/cases/12/attachments").
function patternTest(pattern) {
  const parts = pattern.split('/').map((p) => (/^\{[^}]*\}$/.test(p) ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${parts.join('/')}$`)
}

const indexes = new WeakMap()

// The routes of one /api/meta answer by "METHOD /pattern", built once per answer.
function routeIndex(routes) {
  let idx = indexes.get(routes)
  if (!idx) {
    idx = { exact: new Map(), all: [] }
    for (const r of routes) {
      const key = `${String(r.method).toUpperCase()} ${r.path}`
      idx.exact.set(key, r)
      idx.all.push({ method: String(r.method).toUpperCase(), test: patternTest(r.path), route: r })
    }
    indexes.set(routes, idx)
  }
  return idx
}

/**
 * May a user of this role call the route? `route` is "METHOD /path", the path as the server's
 * route pattern ("GET /api/cases/{id}") or a concrete path ("GET /api/cases/12"). A public route
 * is open to everyone; a route the server does not declare, or no meta yet, answers false.
 */
export function can(meta, role, route) {
  const routes = meta?.routes
  if (!Array.isArray(routes) || !route) return false
  const space = route.indexOf(' ')
  const method = route.slice(0, space).toUpperCase()
  const path = route.slice(space + 1).split('?')[0]
  const idx = routeIndex(routes)
  let r = idx.exact.get(`${method} ${path}`)
  if (!r) r = idx.all.find((x) => x.method === method && x.test.test(path))?.route
  if (!r) return false
  if (r.public) return true
  return !!role && Array.isArray(r.roles) && r.roles.includes(role)
}

/**
 * For a staff page: `allowed('POST /api/x')` answers can() for the signed-in user, false until
 * /api/meta has arrived (it is fetched once per sign-in). `meta` is that answer, for other uses.
 */
export function useCan() {
  const meta = ref(null)
  onMounted(() => {
    getMeta().then((m) => (meta.value = m)).catch(() => {})
  })
  const allowed = (route) => can(meta.value, session.user?.role, route)
  return { meta, allowed }
}
