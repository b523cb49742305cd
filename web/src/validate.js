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

/**
 * The server's 居民身份证号码 check (fz_resident_id_valid, GB 11643-1999): 18 characters with a real
 * birth date (YYYYMMDD, 1900-2099) and the MOD 11-2 check character (a digit or X), or 15 digits
 * with the birth date YYMMDD.
 */
export function residentIdValid(s) {
  const v = String(s || '').trim().toUpperCase()
  const realDay = (y, m, d) => {
    const t = new Date(Date.UTC(y, m - 1, d))
    return m >= 1 && m <= 12 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
  }
  if (/^\d{15}$/.test(v)) return realDay(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12)))
  if (!/^\d{17}[\dX]$/.test(v)) return false
  const y = Number(v.slice(6, 10))
  if (y < 1900 || y > 2099 || !realDay(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return false
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * W[i]
  return '10X98765432'[sum % 11] === v[17]
}
