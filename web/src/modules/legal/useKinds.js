// The module's option lists as the server gives them in GET /api/meta (legal_flow.c, fz_legal_meta),
// read once per sign-in: contract kinds, dispute kinds and outcomes, matter kinds, adviser kinds,
// adviser opinion kinds. Each is [{value, label}].
import { reactive } from 'vue'
import { getMeta } from '../../session.js'

const KEYS = {
  contractKinds: 'legal_contract_kinds',
  disputeKinds: 'legal_dispute_kinds',
  disputeOutcomes: 'legal_dispute_outcomes',
  matterKinds: 'legal_matter_kinds',
  adviserKinds: 'legal_adviser_kinds',
  opinionKinds: 'legal_opinion_kinds',
}

export function useLegalOptions() {
  const o = reactive(Object.fromEntries(Object.keys(KEYS).map((k) => [k, []])))
  getMeta().then((m) => {
    for (const [k, key] of Object.entries(KEYS)) o[k] = m[key] || []
  }).catch(() => {})
  return o
}

/** The label of value in an option list, or the value. */
export const labelOf = (list, value) => (list || []).find((x) => x.value === value)?.label || value || '—'
