/** How a page shows one field of a record: a label and the text it displays. */
export interface DisplayField<R> {
  label: string;
  show: (record: R) => string;
}

export interface Change {
  label: string;
  before: string;
  after: string;
}

/** The displayed fields whose text differs between two versions of a record. */
export function describeChanges<R>(fields: DisplayField<R>[], before: R, after: R): Change[] {
  return fields
    .map(({ label, show }) => ({ label, before: show(before), after: show(after) }))
    .filter((change) => change.before !== change.after);
}

/** "TIO remarks: (empty) → 'Hold until orders are amended'" */
export function formatChange({ label, before, after }: Change): string {
  const quote = (text: string) => (text === '' || text === '—' ? '(empty)' : `'${text}'`);
  return `${label}: ${quote(before)} → ${quote(after)}`;
}
