// The web app's modules, gathered from every ./<name>/index.js: adding a folder adds its pages,
// menu entries, portal entries, home block and case panels, and nothing outside the folder
// changes. The shape of a module's index.js is in docs/modules-web.md. The router, the layouts,
// the portal home page and the case detail page read the modules only through the helpers below.
import { can } from '../meta.js'

const byOrder = (a, b) => (a.order ?? 1000) - (b.order ?? 1000)

/** Every module, in their `order`. */
export const modules = Object.values(import.meta.glob('./*/index.js', { eager: true, import: 'default' })).sort(byOrder)

/** The vue-router records of the back office (children of /app). */
export function allStaffRoutes() {
  return modules.flatMap((m) => m.staffRoutes || [])
}

/** The vue-router records of the public portal (children of /). */
export function allPortalRoutes() {
  return modules.flatMap((m) => m.portalRoutes || [])
}

/**
 * The staff menu for this user: the entries (core ones passed in, then every module's) whose
 * route the server lets the user's role call and, when the entry has one, whose `when(user)`
 * holds (a rule inside the route rather than its roles). Entries with a `group` gather under
 * that group's sub-menu; a group none of whose entries shows is left out.
 * Returns, in order, [{ item }] for a single entry and [{ group, items }] for a sub-menu.
 */
export function menuFor(meta, user, core = []) {
  const role = user?.role
  const shown = [...core, ...modules.flatMap((m) => m.menu || [])]
    .filter((e) => can(meta, role, e.api) && (!e.when || e.when(user)))
  const tree = []
  const groups = new Map()
  for (const e of shown) {
    if (!e.group) {
      tree.push({ order: e.order, item: e })
      continue
    }
    let node = groups.get(e.group.key)
    if (!node) {
      node = { order: e.group.order, group: e.group, items: [] }
      groups.set(e.group.key, node)
      tree.push(node)
    }
    node.items.push(e)
  }
  for (const node of groups.values()) node.items.sort(byOrder)
  return tree.sort(byOrder)
}

// "/app/cases?type=mailbox" -> { path: '/app/cases', query: { type: 'mailbox' } }
function splitPath(to) {
  const [path, qs = ''] = to.split('?')
  return { path, query: Object.fromEntries(new URLSearchParams(qs)) }
}

/**
 * Which menu entry a route belongs to: the entry whose path is the route's path or a parent of
 * it, and whose query (if any) the route has too; the longest such path wins, then the one with
 * more query. An entry with `exact` matches only its own path. '' when none does.
 */
export function activeMenuPath(entries, route) {
  let best = null
  let bestScore = -1
  for (const e of entries) {
    const { path, query } = splitPath(e.path)
    const under = route.path === path || (!e.exact && route.path.startsWith(`${path}/`))
    if (!under || !Object.entries(query).every(([k, v]) => route.query[k] === v)) continue
    const score = path.length * 10 + Object.keys(query).length
    if (score > bestScore) {
      best = e
      bestScore = score
    }
  }
  return best ? best.path : ''
}

/**
 * The portal's navigation after 首页: every module's `portal.nav` entries, in their order. Entries
 * naming a `group` (web/src/portalGroups.js) make one drop-down of that group, whatever module they
 * come from: its lines are the entries (or an entry's own children) in their order, it opens the
 * first line's page and is active on any of their pages.
 */
export function portalEntries() {
  const entries = modules.flatMap((m) => m.portal?.nav || [])
  const groups = new Map()
  const out = []
  for (const e of entries) {
    if (!e.group) {
      out.push(e)
      continue
    }
    let g = groups.get(e.group.key)
    if (!g) {
      g = { label: e.group.label, test: `nav-${e.group.key}`, order: e.group.order, names: [], sections: [], parts: [] }
      groups.set(e.group.key, g)
      out.push(g)
    }
    g.parts.push(e)
    g.names.push(...(e.names || []))
    if (e.section) g.sections.push(e.section)
  }
  for (const g of groups.values()) {
    g.children = g.parts.sort(byOrder).flatMap((e) =>
      e.children ? e.children : [{ label: e.label, to: e.to, test: e.test }])
    g.to = g.children[0].to
    delete g.parts
  }
  return out.sort(byOrder)
}

/** The portal page that tracks a case of this type by its code ('/track'), or null. */
export function trackPageFor(type) {
  for (const m of modules) if (m.portal?.track?.[type]) return m.portal.track[type]
  return null
}

/** The portal home page's blocks: every module's `portal.home` ({ order, component }), in order. */
export function portalHomeBlocks() {
  return modules.map((m) => m.portal?.home).filter(Boolean).sort(byOrder)
}

/**
 * The portal header and footer of a section (a page's meta.section, a module's name):
 * { title, sub, footer }. Pages of no module (the home page, 页面不存在) get the brand the
 * module marked `home: true`.
 */
export function portalBrand(section) {
  const own = modules.find((m) => m.name === section && m.portal?.brand)
  if (own) return own.portal.brand
  return modules.find((m) => m.portal?.brand?.home)?.portal.brand || { title: '', sub: '', footer: '' }
}

/** The supervision page's module cards: every module's `supervisionCards` ({ order, component: loader }), in order. */
export function supervisionCards() {
  return modules.flatMap((m) => m.supervisionCards || []).sort(byOrder)
}

/** The loader of the case detail panel for cases of this type, or null (the page shows the plain fields). */
export function casePanelFor(type) {
  for (const m of modules) if (m.casePanels?.[type]) return m.casePanels[type]
  return null
}

/**
 * The sections every case's detail page shows under 基本信息, whatever the case's type: every
 * module's `caseSections: [{ key, order, component }]`, in order (`component` a loader, as the
 * panels'). The page renders each for every case, with the props caseId, caseData, clocks and
 * events (as a panel's, without `part`); a section draws its own card, and nothing at all when it
 * does not concern the case or the user (decide by the route it reads: useCan().allowed('GET …')).
 * A section is how a module adds to another module's cases, e.g. the legal advisers' opinions
 * recorded on any case (modules/legal).
 */
export function caseSectionsAll() {
  return modules.flatMap((m) => m.caseSections || []).sort(byOrder)
}

/** How the generic case list names and offers a list filtered to this case type, or null. */
export function caseListFor(type) {
  for (const m of modules) if (m.caseLists?.[type]) return m.caseLists[type]
  return null
}

/** The dependent inputs of a workflow action's form ("<case_type>.<action>"), or null. */
export function actionFormFor(caseType, action) {
  for (const m of modules) if (m.actionForms?.[`${caseType}.${action}`]) return m.actionForms[`${caseType}.${action}`]
  return null
}
