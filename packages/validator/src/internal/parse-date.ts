import { FAILURES } from './coercion-failure.ts'

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : DAYS[month - 1]!
}

/**
 * Parses an ISO 8601 date (`2024-05-01`) or datetime (`2024-05-01T10:00:00.5+02:00`) into a Date.
 * A datetime without an offset is taken as UTC so every runtime agrees. Impossible calendar dates
 * (`2024-02-30`) fail instead of rolling over.
 */
export function parseDate(raw: string): unknown {
  const match = ISO.exec(raw)
  const failure = /\d[Tt ]\d|:/.test(raw) ? FAILURES.datetime : FAILURES.date
  if (match === null) return failure
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return failure
  if (hour > 23 || minute > 59 || second > 59) return failure
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3))
  // setUTCFullYear rather than Date.UTC, which maps years 0-99 to 1900-1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millis)
  if (offset !== undefined && offset !== 'Z' && offset !== 'z') {
    const digits = offset.replace(':', '')
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
    if (minutes >= 24 * 60) return failure
    date.setTime(date.getTime() - (digits[0] === '-' ? -minutes : minutes) * 60_000)
  }
  // An offset can push the instant out of four-digit years, which RFC 3339 cannot write back.
  const utcYear = date.getUTCFullYear()
  return utcYear < 0 || utcYear > 9999 ? failure : date
}
