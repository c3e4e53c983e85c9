import { Fieldset, Radio } from '@trussworks/react-uswds';
import { forwardRef, useId } from 'react';
import { formatChange } from '../changes';
import { formatDateTime } from '../format';
import type { FieldConflict, Merge } from './formValues';

interface ConflictPanelProps {
  /** What is edited: "customer", "orders". */
  record: string;
  merge: Merge;
  /** When their version was saved, if the record says. */
  changedAt: string | null;
  /** For each field both changed: whose value to keep, once the user picked. */
  picks: Record<string, 'mine' | 'theirs'>;
  onPick: (name: string, pick: 'mine' | 'theirs') => void;
  missingPicks: boolean;
}

const shown = (value: string) => (value === '' ? '(empty)' : `'${value}'`);
const asChange = (entry: FieldConflict, after: string) =>
  formatChange({ label: entry.label, before: entry.loaded, after });

/**
 * What a colleague changed while the user edited, what the user changed, and
 * where both changed the same field, with a choice for each of those. One
 * panel serves every record type.
 */
export const ConflictPanel = forwardRef<HTMLElement, ConflictPanelProps>(function ConflictPanel(
  { record, merge, changedAt, picks, onPick, missingPicks },
  ref,
) {
  const headingId = useId();
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="usa-alert usa-alert--warning conflict-panel"
    >
      <div className="usa-alert__body">
        <h3 id={headingId} className="usa-alert__heading">
          Someone else changed this {record} while you edited it
        </h3>
        <p className="usa-alert__text">
          {changedAt ? `Their version was saved ${formatDateTime(changedAt)}. ` : ''}Nothing of
          yours was saved yet, and nothing you typed is lost. Review the changes, then save yours on
          top of theirs.
        </p>
        {merge.theirs.length > 0 && (
          <>
            <h4>They changed (kept)</h4>
            <ul>
              {merge.theirs.map((entry) => (
                <li key={entry.name}>{asChange(entry, entry.theirs)}</li>
              ))}
            </ul>
          </>
        )}
        {merge.mine.length > 0 && (
          <>
            <h4>You changed (will be saved)</h4>
            <ul>
              {merge.mine.map((entry) => (
                <li key={entry.name}>{asChange(entry, entry.mine)}</li>
              ))}
            </ul>
          </>
        )}
        {merge.both.map((entry) => (
          <Fieldset key={entry.name} legend={`You both changed ${entry.label}: which to keep?`}>
            <p className="margin-y-05">Before: {shown(entry.loaded)}</p>
            <Radio
              id={`pick-${entry.name}-mine`}
              name={`pick-${entry.name}`}
              label={`Yours: ${shown(entry.mine)}`}
              checked={picks[entry.name] === 'mine'}
              onChange={() => onPick(entry.name, 'mine')}
            />
            <Radio
              id={`pick-${entry.name}-theirs`}
              name={`pick-${entry.name}`}
              label={`Theirs: ${shown(entry.theirs)}`}
              checked={picks[entry.name] === 'theirs'}
              onChange={() => onPick(entry.name, 'theirs')}
            />
          </Fieldset>
        ))}
        {missingPicks && (
          <p className="usa-error-message">
            Choose which value to keep for each field you both changed.
          </p>
        )}
      </div>
    </section>
  );
});
