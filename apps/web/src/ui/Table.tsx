import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned (amounts). */
  numeric?: boolean;
}

/**
 * dkfds' table, with its responsive headers: below the md breakpoint each row stacks, every cell
 * headed by its column (`data-title`), so nothing scrolls sideways at 390 px. The caption names the
 * table for screen readers.
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  testId?: string;
}) {
  return (
    <table className="table table--responsive-headers w-percent-100" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.numeric ? 'align-text-right' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.header} data-title={column.header} className={column.numeric ? 'align-text-right' : undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A record's fields as rows of a table, heading and value: dkfds' structured list, as its summaries and receipts use. */
export function Facts({ caption, facts, testId }: { caption: string; facts: Array<[string, ReactNode] | false | null | undefined>; testId?: string }) {
  return (
    <table className="table structured-list w-percent-md-80" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {facts
          .filter((fact): fact is [string, ReactNode] => Boolean(fact))
          .map(([heading, value]) => (
            <tr key={heading}>
              <th scope="row" className="w-percent-md-40">
                {heading}
              </th>
              <td>{value}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
