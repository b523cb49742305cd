// The signed-in staff user, shared by the router guard, the layout and the views.
// The session itself is the HttpOnly cookie; we only keep the user and the CSRF token.
import { reactive } from 'vue'
import api, { setCsrfToken } from './api.js'

export const session = reactive({
  user: null,
  checked: false,
})

// Agency roles see only their own agency's records (the server's fz_ctx_sees_all); the legal
// office, the county leader and the administrator see every agency's.
const AGENCY_ROLES = ['agency_clerk', 'agency_head', 'officer']

/** Whether the user sees every agency's records (a scope, not a route permission). */
export function seesAllAgencies(user) {
  return !!user && !AGENCY_ROLES.includes(user.role)
}

export async function loadSession() {
  try {
    const data = await api.get('/api/session', undefined, { silent401: true })
    setCsrfToken(data.csrf_token)
    session.user = data.user
  } catch (err) {
    if (err.status !== 401) throw err
    session.user = null
    setCsrfToken('')
  } finally {
    session.checked = true
  }
  return session.user
}

export async function login(username, password) {
  const data = await api.post('/api/session', { username, password })
  setCsrfToken(data.csrf_token)
  session.user = data.user
  session.checked = true
  return data.user
}

export async function logout() {
  try {
    await api.del('/api/session')
  } finally {
    session.user = null
    setCsrfToken('')
    clearReference()
  }
}

// Reference data (/api/meta, /api/agencies) is fetched once per sign-in.
const cache = { meta: null, agencies: null }

export function clearReference() {
  cache.meta = null
  cache.agencies = null
}

export async function getMeta() {
  if (!cache.meta) cache.meta = api.get('/api/meta').catch((e) => { cache.meta = null; throw e })
  return cache.meta
}

export async function getAgencies() {
  if (!cache.agencies) {
    cache.agencies = api.get('/api/agencies').then((d) => d.items).catch((e) => { cache.agencies = null; throw e })
  }
  return cache.agencies
}
