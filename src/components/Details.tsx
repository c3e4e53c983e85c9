import type { DisplayField } from '../writes/changes';

interface DetailsProps<R> {
  record: R;
  fields: DisplayField<R>[];
}

/** A labelled list of a record's fields; empty ones show a dash. */
export function Details<R>({ record, fields }: DetailsProps<R>) {
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
