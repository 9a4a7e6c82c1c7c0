import * as Plot from '@observablehq/plot';
import type { PeriodSummary } from '../../../../shared/contracts/reflections';
import { cubeDimensions, cubeWords, ladders, type LadderKind } from '../../../../shared/reflections/ladders';
import { roleLabels, roles, type Role } from '../../../../shared/roles';

/** One colour per role, each distinct from the others and dark enough against white. */
export const roleColours: Record<Role, string> = {
  carer: '#1d70b8',
  expert: '#d4351c',
  editor: '#00703c',
  admin: '#4c2c92',
};

/** The roles that answered in any period, carers first, so theirs stand beside the staff's. */
export function rolesIn(periods: readonly PeriodSummary[]): Role[] {
  const present = new Set(periods.flatMap((p) => p.roles.map((r) => r.role)));
  return [...roles].reverse().filter((r) => present.has(r));
}

/** "4 (Consultation)": a mean step with the name of the nearest rung. */
export function stepWords(ladder: LadderKind, step: number): string {
  const rung = ladders[ladder].rungs[Math.round(step) - 1];
  return rung ? `${step} (${rung.name})` : String(step);
}

const answersWord = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

/** The rung chart in words, for screen readers: each period, each role's average step. */
export function rungChartLabel(ladder: LadderKind, periods: readonly PeriodSummary[]): string {
  const parts = periods.map(
    (p) =>
      `${p.label}: ${p.roles.map((r) => `${roleLabels[r.role]} ${stepWords(ladder, r.meanRung)}, ${answersWord(r.count)}`).join('; ')}`,
  );
  return `Bar chart of the average step on ${ladders[ladder].name}, by role, side by side for each time. ${parts.join('. ')}.`;
}

export function cubeChartLabel(periods: readonly PeriodSummary[]): string {
  const parts = periods.map(
    (p) =>
      `${p.label}: ${p.roles
        .map(
          (r) =>
            `${roleLabels[r.role]} ${cubeDimensions.map((d) => `${cubeWords[d].name.toLowerCase()} ${r.cube[d]}`).join(', ')}`,
        )
        .join('; ')}`,
  );
  return `Bar charts of the Cube’s four dimensions from 0 to 100, by role, side by side for each time. ${parts.join('. ')}.`;
}

const periodTicks = (periods: readonly PeriodSummary[]) => {
  const labels = new Map(periods.map((p) => [p.period, p.label]));
  return (key: string) => labels.get(key) ?? key;
};

const chartWidth = (periods: readonly PeriodSummary[], roleCount: number) =>
  Math.max(600, periods.length * (roleCount * 48 + 40));

/** The average step by role, bars side by side for each milestone or month. */
export function rungChart(ladder: LadderKind, periods: readonly PeriodSummary[]): Element {
  const shown = rolesIn(periods);
  const data = periods.flatMap((p) => p.roles.map((r) => ({ period: p.period, role: r.role, step: r.meanRung })));
  const steps = ladders[ladder].rungs.length;
  return Plot.plot({
    width: chartWidth(periods, shown.length),
    height: 360,
    marginLeft: 48,
    marginBottom: 48,
    style: { fontSize: '14px' },
    fx: { domain: periods.map((p) => p.period), tickFormat: periodTicks(periods), label: null, padding: 0.2 },
    x: { domain: shown, axis: null, padding: 0.1 },
    y: { domain: [0, steps], ticks: steps, label: 'Step', grid: true },
    color: { domain: shown, range: shown.map((r) => roleColours[r]) },
    marks: [
      Plot.barY(data, { fx: 'period', x: 'role', y: 'step', fill: 'role' }),
      Plot.text(data, { fx: 'period', x: 'role', y: 'step', text: 'step', dy: -8 }),
      Plot.ruleY([0]),
    ],
  });
}

/** The Cube's four dimensions by role: one row of small charts per dimension, a column per milestone or month. */
export function cubeChart(periods: readonly PeriodSummary[]): Element {
  const shown = rolesIn(periods);
  const data = periods.flatMap((p) =>
    p.roles.flatMap((r) =>
      cubeDimensions.map((d) => ({ period: p.period, role: r.role, dimension: cubeWords[d].name, value: r.cube[d] })),
    ),
  );
  return Plot.plot({
    width: chartWidth(periods, shown.length),
    height: 4 * 130 + 60,
    marginLeft: 48,
    marginRight: 160,
    marginBottom: 48,
    style: { fontSize: '14px' },
    fx: { domain: periods.map((p) => p.period), tickFormat: periodTicks(periods), label: null, padding: 0.2 },
    fy: { domain: cubeDimensions.map((d) => cubeWords[d].name), label: null },
    x: { domain: shown, axis: null, padding: 0.1 },
    y: { domain: [0, 100], ticks: 2, label: null, grid: true },
    color: { domain: shown, range: shown.map((r) => roleColours[r]) },
    marks: [Plot.barY(data, { fx: 'period', fy: 'dimension', x: 'role', y: 'value', fill: 'role' }), Plot.ruleY([0])],
  });
}
