import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './DataTable';

interface ChartWithTableProps {
  /** The chart (or, on a report, the writing) that the table's numbers stand beside. */
  chart: ReactNode;
  table: DataTableProps;
  /** `beside`: the table beside the chart, below it on narrow screens; `below`: always below it. */
  layout?: 'beside' | 'below';
  /** Said instead of both while the table has no rows: an empty chart tells nobody anything. */
  empty?: string;
}

/**
 * A chart with the same numbers in a table, so that nobody has to read them off a picture: the balance of voices,
 * the reflections' charts and the involvement report all show their numbers this way.
 */
export function ChartWithTable({ chart, table, layout = 'beside', empty }: ChartWithTableProps) {
  if (empty !== undefined && table.rows.length === 0) return <p>{empty}</p>;
  const both = (
    <>
      {chart}
      <DataTable {...table} />
    </>
  );
  return layout === 'beside' ? <div className="balance-pair">{both}</div> : both;
}
