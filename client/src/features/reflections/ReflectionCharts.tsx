import { useCallback } from 'react';
import type { ReflectionSummary } from '../../../../shared/contracts/reflections';
import { cubeDimensions, cubeWords } from '../../../../shared/reflections/ladders';
import { roleLabels } from '../../../../shared/roles';
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

/**
 * How each role sees the project, side by side over time: the ladder chart and the Cube chart, each with the same
 * numbers in a table below it.
 */
export function ReflectionCharts({ summary }: { summary: ReflectionSummary }) {
  const { ladder, periods } = summary;
  const drawRungs = useCallback(() => rungChart(ladder, periods), [ladder, periods]);
  const drawCube = useCallback(() => cubeChart(periods), [periods]);
  if (periods.length === 0) {
    return (
      <LabelledSection
        className="section"
        headingId="views-heading"
        headingClass="heading-l"
        title="How each role sees it"
      >
        <p>No answers yet. When people answer, you will see each role’s view here, side by side.</p>
      </LabelledSection>
    );
  }
  // Carers first in the tables too, as in the charts.
  const order = rolesIn(periods);
  const rows = periods.flatMap((p) =>
    [...p.roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)).map((r) => ({ period: p, r })),
  );
  return (
    <LabelledSection
      className="section"
      headingId="views-heading"
      headingClass="heading-l"
      title="How each role sees it"
    >
      <p>
        The average answer of each role, so you can see where carers and staff see the project differently. Only each
        person’s newest answer for a milestone or month counts.
      </p>
      <Legend summary={summary} />
      <h3 className="heading-m">On the ladder</h3>
      <PlotChart id="ladder-chart" render={drawRungs} label={rungChartLabel(ladder, periods)} />
      <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="Table: the ladder">
        <table className="table">
          <caption className="table__caption">The ladder: the average and middle step each role chose</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Role</th>
              <th scope="col">Answers</th>
              <th scope="col">Average step</th>
              <th scope="col">Middle step</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ period, r }) => (
              <tr key={`${period.period}-${r.role}`}>
                <td>{period.label}</td>
                <th scope="row">{roleLabels[r.role]}</th>
                <td>{r.count}</td>
                <td>{stepWords(ladder, r.meanRung)}</td>
                <td>{stepWords(ladder, r.medianRung)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="heading-m">On the Cube</h3>
      <PlotChart id="cube-chart" render={drawCube} label={cubeChartLabel(periods)} />
      <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="Table: the Cube">
        <table className="table">
          <caption className="table__caption">The Cube: each role’s average, from 0 to 100</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Role</th>
              {cubeDimensions.map((d) => (
                <th scope="col" key={d}>
                  {cubeWords[d].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ period, r }) => (
              <tr key={`${period.period}-${r.role}`}>
                <td>{period.label}</td>
                <th scope="row">{roleLabels[r.role]}</th>
                {cubeDimensions.map((d) => (
                  <td key={d}>{r.cube[d]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </LabelledSection>
  );
}
