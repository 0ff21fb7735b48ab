/**
 * The fixed request rate at which the HTTP bench measures each server's CPU time per request, and
 * whether a paced run kept to it. Every peer of a scenario gets the same rate, so the CPU each
 * spends is for the same work at the same load; the rate is half of what the slowest of them
 * served saturated, so none is near its limit even when the machine is busy.
 */

/** How the rate is chosen from the saturated runs. */
export interface RateChoice {
  /** The share of the slowest peer's saturated req/s. */
  readonly fraction: number
  /** At most this (req/s): what the paced generator itself sends steadily from one busy core. */
  readonly cap: number
  /** At least this (req/s), so that a window holds enough requests to count. */
  readonly floor: number
}

export const rateChoice: RateChoice = { fraction: 0.5, cap: 20_000, floor: 200 }

/** Rounds down to two significant digits: 4,186 → 4,100; 57,999 → 57,000. */
export function roundDown(value: number): number {
  if (!(value > 0)) return 0
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1)
  return Math.floor(value / unit) * unit
}

/**
 * The rate for a scenario from each peer's saturated req/s in the first repetition (the runner
 * passes the better of its warm-up and its counted run): `fraction` of
 * the slowest, rounded down to two significant digits, within `floor`…`cap`; `undefined` when no
 * peer answered.
 */
export function chooseRate(
  saturatedRps: readonly number[],
  choice: RateChoice = rateChoice,
): number | undefined {
  const answered = saturatedRps.filter((value) => Number.isFinite(value) && value > 0)
  if (!answered.length) return undefined
  const rate = roundDown(Math.min(...answered) * choice.fraction)
  return Math.min(choice.cap, Math.max(choice.floor, rate))
}

/** What a paced run reports about keeping to its rate. */
export interface PacedPace {
  /** Requests sent in the counted window. */
  readonly sent: number
  readonly seconds: number
}

/**
 * Whether the run fell behind its rate: fewer than 97 % of the requests due in the window were
 * sent. A server descheduled for a moment (a busy machine) catches up afterwards — requests due
 * wait for a free connection and go out as answers come back — so only one that cannot keep up
 * ends the window short; its CPU per request is then that of a saturated server.
 */
export function fellBehind(pace: PacedPace, rate: number): boolean {
  return pace.sent < 0.97 * rate * pace.seconds
}
