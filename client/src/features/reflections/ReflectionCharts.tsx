import { useCallback } from 'react';
import type { ReflectionSummary } from '../../../../shared/contracts/reflections';
import { cubeDimensions, cubeWords } from '../../../../shared/reflections/ladders';
import { roleLabels } from '../../../../shared/roles';
import { ChartWithTable } from '../../components/ChartWithTable';
import { LabelledSection } from '../../components/LabelledSection';
import { PlotChart } from './PlotChart';
import {
  cubeChart,
  cubeChartLabel,
  roleColours,
  rolesIn,
  rungChart,
  rungChartLabel,
  stepWords,
} from './reflectionCharts';

/** The roles' colours in words and swatches, shared by both charts. */
function Legend({ summary }: { summary: ReflectionSummary }) {
  return (
    <ul className="chart-legend" aria-label="Colours in the charts">
      {rolesIn(summary.periods).map((role) => (
        <li key={role} className="chart-legend__item">
          <span className="chart-legend__swatch" style={{ background: roleColours[role] }} aria-hidden="true" />
          {roleLabels[role]}
        </li>
      ))}
    </ul>
  );
}

type Period = ReflectionSummary['periods'][number];

/** The first two cells of a row in both tables: when, and whose answers (the row's header). */
const whoAndWhen = (period: Period, r: Period['roles'][number]) => [period.label, roleLabels[r.role]];

/**
 * How each role sees the project, side by side over time: the ladder chart and the Cube chart, each with the same
 * numbers in a table below it.
 */
export function ReflectionCharts({ summary }: { summary: ReflectionSummary }) {
  const { periods } = summary;
  return (
    <LabelledSection
      className="section"
      headingId="views-heading"
      headingClass="heading-l"
      title="How each role sees it"
    >
      {periods.length === 0 ? (
        <p>No answers yet. When people answer, you will see each role’s view here, side by side.</p>
      ) : (
        <Charts summary={summary} />
      )}
    </LabelledSection>
  );
}

/** The two charts and their tables, for a summary with answers in it. */
function Charts({ summary }: { summary: ReflectionSummary }) {
  const { ladder, periods } = summary;
  const drawRungs = useCallback(() => rungChart(ladder, periods), [ladder, periods]);
  const drawCube = useCallback(() => cubeChart(periods), [periods]);
  // Carers first in the tables too, as in the charts.
  const order = rolesIn(periods);
  const rows = periods.flatMap((p) =>
    [...p.roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)).map((r) => ({ period: p, r })),
  );
  return (
    <>
      <p>
        The average answer of each role, so you can see where carers and staff see the project differently. Only each
        person’s newest answer for a milestone or month counts.
      </p>
      <Legend summary={summary} />
      <h3 className="heading-m">On the ladder</h3>
      <ChartWithTable
        layout="below"
        chart={<PlotChart id="ladder-chart" render={drawRungs} label={rungChartLabel(ladder, periods)} />}
        table={{
          caption: 'The ladder: the average and middle step each role chose',
          headers: ['When', 'Role', 'Answers', 'Average step', 'Middle step'],
          rows: rows.map(({ period, r }) => [
            ...whoAndWhen(period, r),
            r.count,
            stepWords(ladder, r.meanRung),
            stepWords(ladder, r.medianRung),
          ]),
          rowHeader: 1,
          scrollLabel: 'Table: the ladder',
        }}
      />
      <h3 className="heading-m">On the Cube</h3>
      <ChartWithTable
        layout="below"
        chart={<PlotChart id="cube-chart" render={drawCube} label={cubeChartLabel(periods)} />}
        table={{
          caption: 'The Cube: each role’s average, from 0 to 100',
          headers: ['When', 'Role', ...cubeDimensions.map((d) => cubeWords[d].name)],
          rows: rows.map(({ period, r }) => [...whoAndWhen(period, r), ...cubeDimensions.map((d) => r.cube[d])]),
          rowHeader: 1,
          scrollLabel: 'Table: the Cube',
        }}
      />
    </>
  );
}
