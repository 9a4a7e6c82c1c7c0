import { describe, expect, it } from 'vitest';
import { financeCsvHeader, financeRow } from './financeCsv';
import { lineState, statementLine, statementTotals, type ParticipationFacts } from './statement';

const rates = { hourMinor: 2500, halfDayMinor: 7500, dayMinor: 15000 };
const meeting: ParticipationFacts = {
  activityId: 'a1',
  kind: 'meeting',
  title: 'Group meeting',
  occurredOn: '2026-03-14',
  durationMinutes: 90,
  status: 'confirmed',
  choice: 'paid',
};
const travel = { id: 'e1', activityId: 'a1', kind: 'travel' as const, amountMinor: 640, note: 'Bus' };
const care = { id: 'e2', activityId: 'a1', kind: 'care_cover' as const, amountMinor: 3000, note: null };

describe('statement lines', () => {
  it.each([
    ['pending', 'paid', 'awaiting_confirmation'],
    ['disputed', 'paid', 'disputed'],
    ['confirmed', null, 'awaiting_choice'],
    ['confirmed', 'talk_first', 'on_hold'],
    ['confirmed', 'declined', 'declined'],
    ['confirmed', 'paid', 'paid'],
    ['confirmed', 'voucher', 'voucher'],
  ] as const)('%s with %s is %s', (status, choice, state) => {
    expect(lineState(status, choice)).toBe(state);
  });

  it('pays the fee and counts expenses once confirmed with a choice', () => {
    const line = statementLine(meeting, [travel, care], rates);
    expect(line).toMatchObject({ state: 'paid', feeMinor: 3750, feeBasis: 'hourly', expensesCounted: true });
    expect(statementTotals([line])).toEqual({
      paidMinor: 3750,
      voucherMinor: 0,
      expensesMinor: 3640,
      totalMinor: 7390,
    });
  });

  it('records nothing while on hold for benefits, or before confirming', () => {
    for (const facts of [
      { ...meeting, choice: 'talk_first' as const },
      { ...meeting, status: 'pending' as const },
    ]) {
      const line = statementLine(facts, [travel], rates);
      expect(line).toMatchObject({ feeMinor: null, expensesCounted: false });
      expect(statementTotals([line]).totalMinor).toBe(0);
    }
  });

  it('repays expenses when the fee is declined; totals vouchers apart from money', () => {
    const declined = statementLine({ ...meeting, choice: 'declined' }, [travel], rates);
    const voucher = statementLine({ ...meeting, activityId: 'a2', durationMinutes: 300, choice: 'voucher' }, [], rates);
    expect(declined.feeMinor).toBeNull();
    expect(statementTotals([declined, voucher])).toEqual({
      paidMinor: 0,
      voucherMinor: 15000,
      expensesMinor: 640,
      totalMinor: 15640,
    });
  });

  it('has no fee while no rates are set', () => {
    expect(statementLine(meeting, [], null)).toMatchObject({ state: 'paid', feeMinor: null, feeBasis: null });
  });
});

describe('finance CSV rows', () => {
  it('gives decimals of the currency by kind of expense, blank where nothing is owed', () => {
    const person = { name: 'Ann', email: 'ann@example.org' };
    expect(financeCsvHeader).toHaveLength(14);
    expect(financeRow(person, statementLine(meeting, [travel, care], rates), 'GBP')).toEqual([
      'Ann',
      'ann@example.org',
      '2026-03-14',
      'Group meeting',
      'Meeting',
      90,
      'Pay',
      'hourly',
      '37.50',
      '6.40',
      '30.00',
      '0.00',
      '73.90',
      'GBP',
    ]);
    const held = financeRow(person, statementLine({ ...meeting, choice: 'talk_first' }, [travel], rates), 'GBP');
    expect(held.slice(6)).toEqual([
      'On hold: may affect benefits, talk to them first',
      null,
      null,
      null,
      null,
      null,
      null,
      'GBP',
    ]);
  });
});
