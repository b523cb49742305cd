// Client-side checks that mirror the server's own, shared by every form that needs them.

/** The server's phone check (fz_phone_valid): 7-20 characters of digits, '-', '+' or spaces, at least 7 digits. */
export function phoneValid(s) {
  const v = String(s || '')
  if (v.length < 7 || v.length > 20) return false
  if (!/^[0-9+\- ]+$/.test(v)) return false
  return (v.match(/[0-9]/g) || []).length >= 7
}

/** Characters as the server counts them (UTF-8 code points). */
export function chars(s) {
  return [...String(s || '')].length
}
