import type { ReactNode } from 'react';

interface DataTableProps {
  caption: string;
  headers: readonly string[];
  /** The first cell of each row is its header. */
  rows: ReadonlyArray<readonly [string, ...ReactNode[]]>;
}

/** The numbers behind a chart, as a table with a caption. Explicit roles keep it a table when narrow screens restyle it. */
export function DataTable({ caption, headers, rows }: DataTableProps) {
  return (
    <div className="table-wrap">
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
          {rows.map(([first, ...rest], i) => (
            <tr role="row" key={`${first}-${i}`}>
              <th role="rowheader" scope="row">
                {first}
              </th>
              {rest.map((cell, j) => (
                <td role="cell" key={j} data-label={headers[j + 1]}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
