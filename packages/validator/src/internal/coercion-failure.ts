/** Why a string could not be coerced to the type a field declares (pydantic's type and message). */
export class CoercionFailure {
  constructor(
    readonly type: string,
    readonly msg: string,
  ) {}
}

/** Shared failures: coercers return these instead of allocating. */
export const FAILURES = {
  float: new CoercionFailure(
    'float_parsing',
    'Input should be a valid number, unable to parse string as a number',
  ),
  int: new CoercionFailure(
    'int_parsing',
    'Input should be a valid integer, unable to parse string as an integer',
  ),
  bool: new CoercionFailure(
    'bool_parsing',
    'Input should be a valid boolean, unable to interpret input',
  ),
  date: new CoercionFailure(
    'date_parsing',
    'Input should be a valid ISO 8601 date (YYYY-MM-DD) or datetime, input is invalid',
  ),
  datetime: new CoercionFailure(
    'datetime_parsing',
    'Input should be a valid datetime, input is not a valid ISO 8601 datetime',
  ),
} as const
