import { describe, expect, it } from 'vitest';
import { decimalOf, divideRoundingHalfUp, feeFor, formatMinor, isCurrencyCode, parseMinor, sumMinor } from './money';

const rates = { hourMinor: 2500, halfDayMinor: 7500, dayMinor: 15000 };

describe('fees in minor units', () => {
  it.each([
    [60, 2500, 'hourly'],
    [90, 3750, 'hourly'],
    [1, 42, 'hourly'], // 2500 / 60 = 41.67 → 42
    [7, 292, 'hourly'], // 17500 / 60 = 291.67 → 292
    [179, 7458, 'hourly'], // 447500 / 60 = 7458.33 → 7458
    [180, 7500, 'hourly'],
    [200, 7500, 'half_day'], // 8333 by the hour, capped at the half day
    [240, 7500, 'half_day'],
    [241, 15000, 'day'],
    [720, 15000, 'day'],
  ])('%i minutes → %i (%s)', (minutes, fee, basis) => {
    expect(feeFor(minutes, rates)).toEqual({ feeMinor: fee, basis });
  });

  it('rounds a half minor unit up, and only a half', () => {
    // 30 per hour: 1 minute is 0.5 → 1; 2500 per hour for 3 minutes is 125 exactly.
    expect(feeFor(1, { hourMinor: 30, halfDayMinor: 1000, dayMinor: 2000 }).feeMinor).toBe(1);
    expect(feeFor(1, { hourMinor: 29, halfDayMinor: 1000, dayMinor: 2000 }).feeMinor).toBe(0);
    expect(feeFor(3, rates).feeMinor).toBe(125);
    expect(divideRoundingHalfUp(5, 2)).toBe(3);
    expect(divideRoundingHalfUp(7, 4)).toBe(2);
    expect(divideRoundingHalfUp(5, 4)).toBe(1);
  });

  it('pays nothing when rates are zero, and refuses fractions and non-positive lengths', () => {
    expect(feeFor(60, { hourMinor: 0, halfDayMinor: 0, dayMinor: 0 })).toEqual({ feeMinor: 0, basis: 'hourly' });
    expect(() => feeFor(0, rates)).toThrow(RangeError);
    expect(() => feeFor(1.5, rates)).toThrow(RangeError);
    expect(() => feeFor(60, { ...rates, hourMinor: 25.5 })).toThrow(RangeError);
  });

  it('adds whole minor units exactly where floats would not', () => {
    expect(sumMinor([10, 20])).toBe(30); // 0.1 + 0.2 would be 0.30000000000000004
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([0.1, 0.2])).toThrow(RangeError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('currencies', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('gbp')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(decimalOf(1234, 'GBP')).toBe('12.34');
    expect(decimalOf(5, 'EUR')).toBe('0.05');
    expect(decimalOf(0, 'GBP')).toBe('0.00');
    expect(decimalOf(1234, 'JPY')).toBe('1234');
    expect(decimalOf(1234, 'BHD')).toBe('1.234');
    expect(decimalOf(-250, 'GBP')).toBe('-2.50');
  });

  it('formats for people from the exact decimal', () => {
    expect(formatMinor(7500, 'GBP')).toBe('£75.00');
    expect(formatMinor(123456789, 'GBP')).toBe('£1,234,567.89');
    expect(formatMinor(1500, 'JPY')).toBe('JP¥1,500');
    expect(formatMinor(1999, 'EUR', 'de-DE')).toBe('19,99\u00a0€');
  });

  it('reads typed amounts into minor units, refusing more decimals than the currency has', () => {
    expect(parseMinor('12.5', 'GBP')).toBe(1250);
    expect(parseMinor('£1,234.56', 'GBP')).toBe(123456);
    expect(parseMinor('7', 'GBP')).toBe(700);
    expect(parseMinor('0.29', 'GBP')).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(parseMinor('1.234', 'GBP')).toBeUndefined();
    expect(parseMinor('1500', 'JPY')).toBe(1500);
    expect(parseMinor('15.5', 'JPY')).toBeUndefined();
    expect(parseMinor('twelve', 'GBP')).toBeUndefined();
    expect(parseMinor('-3', 'GBP')).toBeUndefined();
  });
});
