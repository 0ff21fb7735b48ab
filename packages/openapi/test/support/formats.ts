/**
 * The string formats the generator emits, both ways: arbitraries that produce every shape the
 * defining RFC allows, and checks for ajv (which has no format checks of its own).
 */
import fc from 'fast-check'

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/**
 * RFC 3339 `date-time` as the server accepts it: `T`, `Z` or a numeric offset, a fraction of up
 * to 9 digits. (Valibot's `isoTimestamp` refuses a lowercase `t` or `z`, and the query parser reads at most
 * nanoseconds — a documented subset, see the package README. Leap seconds are left out: whether
 * `:60` is valid depends on the leap-second table.)
 */
export const dateTime: fc.Arbitrary<string> = fc
  .record({
    date: fc.date({
      // A day in from each end, so no offset moves the instant out of four-digit years.
      min: new Date('0000-01-02T00:00:00Z'),
      max: new Date('9999-12-30T23:59:59Z'),
      noInvalidDate: true,
    }),
    separator: fc.constant('T'),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    offset: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ max: 59, min: 0 }),
        )
        .map(([sign, hours, minutes]) => `${sign}${pad(hours)}:${pad(minutes)}`),
    ),
  })
  .map(({ date, separator, fraction, offset }) => {
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
    const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
    return `${day}${separator}${time}${fraction === undefined ? '' : `.${fraction}`}${offset}`
  })

/** Arbitraries for `format` values; a format missing here makes the converter throw. */
export const FORMAT_ARBITRARIES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  // The addresses Valibot's `email()` accepts: the common subset of RFC 5322 (documented in the
  // package README); `fc.emailAddress()` also makes rare valid forms such as `!a@a.aa`.
  email: fc.stringMatching(/^[\w+-]+(?:\.[\w+-]+)*@[\da-z]+(?:[.-][\da-z]+)*\.[a-z]{2,}$/),
  uuid: fc.uuid(),
  'date-time': dateTime,
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/

/** Format checks for ajv, as strict as the RFCs (not as any one server). */
export const FORMAT_CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  email: (value) => /^[^\s@]+@[^\s@]+$/.test(value),
  uuid: (value) => /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(value),
  'date-time': (value) => {
    const match = DATE_TIME.exec(value)
    if (!match) return false
    const [, year, month, day, hour, minute, second, , , offsetHour, offsetMinute] =
      match.map(Number)
    const date = new Date(0)
    date.setUTCFullYear(year!, month! - 1, day!)
    return (
      date.getUTCMonth() === month! - 1 &&
      date.getUTCDate() === day &&
      hour! <= 23 &&
      minute! <= 59 &&
      second! <= 60 &&
      (Number.isNaN(offsetHour) || (offsetHour! <= 23 && offsetMinute! <= 59))
    )
  },
}
