import type { ReactNode } from 'react';

interface DetailsProps {
  rows: [label: string, value: ReactNode][];
}

/** A labelled list of a record's fields. */
export function Details({ rows }: DetailsProps) {
  return (
    <dl className="details-list">
      {rows.map(([label, value]) => (
        <div key={label} className="details-list__row">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
