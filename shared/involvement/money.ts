/**
 * Money in involvement payments: always whole numbers of the currency's minor unit (pence, cents; yen have none),
 * never floating point. See docs/involvement.md for the rules stated in words.
 */

/** The rate table of a workspace, in minor units of its currency. */
export interface Rates {
  hourMinor: number;
  halfDayMinor: number;
  dayMinor: number;
}

/** Up to this long, an activity is paid by the hour (by the minute), but never more than the half-day rate. */
export const halfDayMinutes = 240;

export type FeeBasis = 'hourly' | 'half_day' | 'day';

/**
 * The fee for one activity of `durationMinutes`:
 * - up to 4 hours: the hourly rate × minutes ÷ 60, rounded to the nearest minor unit (a half rounds up),
 *   capped at the half-day rate;
 * - over 4 hours: the day rate.
 */
export function feeFor(durationMinutes: number, rates: Rates): { feeMinor: number; basis: FeeBasis } {
  if (!Number.isSafeInteger(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`durationMinutes must be a positive whole number, not ${durationMinutes}`);
  }
  for (const [name, value] of Object.entries(rates)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
  if (durationMinutes > halfDayMinutes) return { feeMinor: rates.dayMinor, basis: 'day' };
  const hourly = divideRoundingHalfUp(rates.hourMinor * durationMinutes, 60);
  return hourly > rates.halfDayMinor
    ? { feeMinor: rates.halfDayMinor, basis: 'half_day' }
    : { feeMinor: hourly, basis: 'hourly' };
}

/** `numerator ÷ denominator` for whole numbers ≥ 0, to the nearest whole number, a half rounding up. */
export function divideRoundingHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError('divideRoundingHalfUp takes whole numbers, numerator ≥ 0 and denominator > 0');
  }
  const whole = Math.floor(numerator / denominator);
  const rest = numerator - whole * denominator;
  return rest * 2 >= denominator ? whole + 1 : whole;
}

/** Adds amounts in minor units, refusing anything but safe whole numbers (so a float can never creep in). */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`${a} is not a whole number of minor units`);
    total += a;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('The total is too large to count exactly');
  return total;
}

/** Whether `code` is an ISO 4217 currency code this runtime knows (GBP, EUR, JPY…). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** How many digits the currency's minor unit has: 2 for GBP and EUR, 0 for JPY, 3 for BHD. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A whole number of minor units as a plain decimal, digit by digit: 1234 GBP → "12.34", 1234 JPY → "1234". */
export function decimalOf(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a whole number of minor units`);
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** An amount for people to read: 1234 GBP → "£12.34" (en-GB). Formats the exact decimal, not a float. */
export function formatMinor(minor: number, currency: string, locale = 'en-GB'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency }).format as (
    value: number | string,
  ) => string;
  return format(decimalOf(minor, currency));
}

/**
 * Reads an amount a person typed ("12.5", "£12.50", "1,234.56") into minor units, or undefined when it is not
 * a plain amount with at most the currency's number of decimals.
 */
export function parseMinor(typed: string, currency: string): number | undefined {
  const digits = minorUnitDigits(currency);
  const cleaned = typed
    .trim()
    .replace(/^[^\d.-]+/, '')
    .replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}
