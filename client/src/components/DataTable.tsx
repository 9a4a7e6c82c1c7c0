import type { ReactNode } from 'react';

export interface DataTableProps {
  caption: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly ReactNode[]>;
  /** Which cell of each row names it (a row header); the first unless said. */
  rowHeader?: number;
  /** A table too wide for narrow screens scrolls sideways in a region of this name, which takes the keyboard focus. */
  scrollLabel?: string;
}

/** The numbers behind a chart, as a table with a caption. Explicit roles keep it a table when narrow screens restyle it. */
export function DataTable({ caption, headers, rows, rowHeader = 0, scrollLabel }: DataTableProps) {
  const scrolls = scrollLabel === undefined ? {} : { tabIndex: 0, role: 'region', 'aria-label': scrollLabel };
  return (
    <div className={scrollLabel === undefined ? 'table-wrap' : 'table-wrap table-scroll'} {...scrolls}>
      <table role="table" className="table">
        <caption className="table__caption">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((h) => (
              <th role="columnheader" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, i) => (
            <tr role="row" key={i}>
              {row.map((cell, j) =>
                j === rowHeader ? (
                  <th role="rowheader" scope="row" key={j}>
                    {cell}
                  </th>
                ) : (
                  <td role="cell" key={j} data-label={headers[j]}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
