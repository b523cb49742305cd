// The one fetch wrapper of the browser application. Every call to the Fazhi JSON API
// goes through here so that the CSRF header, JSON encoding and error shape are the
// same everywhere. Errors are thrown as ApiError {status, code, message, field}, with
// the Chinese message the server wrote (docs/api.md: {"error":{code,message,field}}).

const CSRF_KEY = 'fz_csrf'
let csrfToken = sessionStorage.getItem(CSRF_KEY) || ''
let unauthorizedHandler = null

export class ApiError extends Error {
  constructor(status, code, message, field, data) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field || null
    // The whole error body: some refusals carry a report beside the error (an import's rows).
    this.data = data || null
  }
}

export function setCsrfToken(token) {
  csrfToken = token || ''
  if (csrfToken) sessionStorage.setItem(CSRF_KEY, csrfToken)
  else sessionStorage.removeItem(CSRF_KEY)
}

export function getCsrfToken() {
  return csrfToken
}

// Called with the failing request's path when a staff request answers 401, so the
// router can send the user back to the login page.
export function onUnauthorized(fn) {
  unauthorizedHandler = fn
}

const STATUS_MESSAGES = {
  400: '请求格式不正确',
  401: '登录已失效，请重新登录',
  403: '没有执行此操作的权限',
  404: '请求的记录不存在',
  405: '不支持的请求方式',
  409: '当前状态不允许此操作',
  413: '提交的内容过大',
  415: '不支持的文件类型',
  422: '填写的内容有误',
  429: '操作过于频繁，请稍后再试',
}

function buildUrl(path, query) {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function parseError(res) {
  let code = `HTTP_${res.status}`
  let message = STATUS_MESSAGES[res.status] || `服务器错误（${res.status}）`
  let field = null
  let body = null
  try {
    const data = await res.json()
    body = data
    if (data && data.error) {
      code = data.error.code || code
      message = data.error.message || message
      field = data.error.field || null
    }
  } catch {
    /* not JSON: keep the generic message */
  }
  return new ApiError(res.status, code, message, field, body)
}

/**
 * request('GET', '/api/cases', {query: {page: 1}})
 * request('POST', '/api/session', {body: {...}})
 * request('POST', '/api/cases/1/attachments', {form: formData})
 * request('POST', '/api/enforcement/powers/import', {query, raw: file, contentType})
 * Resolves to the parsed JSON body (null for 204), rejects with ApiError.
 */
export async function request(method, path, { query, body, form, raw, contentType, silent401 } = {}) {
  const headers = { Accept: 'application/json' }
  const init = { method, headers, credentials: 'same-origin' }
  if (raw) {
    // A file sent as the body itself (an .xlsx import), with its own content type.
    headers['Content-Type'] = contentType || raw.type || 'application/octet-stream'
    init.body = raw
  } else if (form) {
    init.body = form
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  if (method !== 'GET' && method !== 'HEAD' && !path.startsWith('/api/public/') && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken
  }
  let res
  try {
    res = await fetch(buildUrl(path, query), init)
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', null)
  }
  if (!res.ok) {
    const err = await parseError(res)
    if (res.status === 401 && !silent401 && !path.startsWith('/api/public/') && path !== '/api/session') {
      if (unauthorizedHandler) unauthorizedHandler(path)
    }
    throw err
  }
  if (res.status === 204) return null
  const type = res.headers.get('Content-Type') || ''
  if (type.includes('application/json')) return res.json()
  return res.text()
}

export const api = {
  get: (path, query, opts) => request('GET', path, { ...opts, query }),
  post: (path, body, opts) => request('POST', path, { ...opts, body }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body }),
  del: (path, opts) => request('DELETE', path, opts),
  upload: (path, formData) => request('POST', path, { form: formData }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
}

export default api
