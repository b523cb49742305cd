// Agencies as the public pages show them (no login needed): fetched once, grouped the way
// residents look for them.
import api from './api.js'

let agenciesPromise = null

/** GET /api/public/agencies (no login needed), fetched once. */
export function getPublicAgencies() {
  if (!agenciesPromise) {
    agenciesPromise = api.get('/api/public/agencies').then((d) => d.items || []).catch((e) => { agenciesPromise = null; throw e })
  }
  return agenciesPromise
}

// Agencies grouped the way residents look for them: the county government, its departments
// (the legal office among them), townships. Used by every select of an agency on the portal.
const KIND_ORDER = ['county', 'department', 'legal_office', 'township']
export function groupAgencies(agencies) {
  const groups = new Map()
  for (const a of agencies || []) {
    const kind = a.kind === 'legal_office' ? 'department' : a.kind
    const label = kind === 'department' ? '政府部门' : a.kind_label || '其他'
    if (!groups.has(kind)) groups.set(kind, { kind, label, items: [] })
    groups.get(kind).items.push(a)
  }
  return [...groups.values()].sort((x, y) => {
    const i = KIND_ORDER.indexOf(x.kind), j = KIND_ORDER.indexOf(y.kind)
    return (i < 0 ? 99 : i) - (j < 0 ? 99 : j)
  })
}
