import { memo } from 'react';
import type { DisplayField } from '../writes/changes';

interface DetailsProps<R> {
  record: R;
  fields: DisplayField<R>[];
}

/** A labelled list of a record's fields; empty ones show a dash. */
function DetailsList<R>({ record, fields }: DetailsProps<R>) {
  return (
    <dl className="details-list">
      {fields.map(({ label, show }) => (
        <div key={label} className="details-list__row">
          <dt>{label}</dt>
          <dd>{show(record) || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

// A page re-renders a record's section for more than the record (a write in
// flight, another record's answer): the list is drawn again only when the
// record or its fields change.
export const Details = memo(DetailsList) as typeof DetailsList;
