// The tag colour of a document's status (in the library and the staff pages).
export const STATUS_TAG = {
  in_force: 'success',
  expired: 'info',
  lapsed: 'info',
  repealed: 'danger',
  revoked: 'danger',
  not_issued: 'info',
  not_effective: 'warning',
}
