import { Fieldset, Radio } from '@trussworks/react-uswds';
import { forwardRef, useId } from 'react';
import { formatDateTime } from '../../components/format';
import { formatChange } from '../changes';
import type { FieldConflict, Merge } from '../formValues';

interface ConflictPanelProps {
  /** What is edited: "customer", "orders". */
  record: string;
  merge: Merge;
  /** When their version was saved, if the record says. */
  changedAt: string | null;
  /** The newer version is the user's own, from another write in this tab, that changed a field they edited. */
  byYou?: boolean;
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
  { record, merge, changedAt, byYou = false, picks, onPick, missingPicks },
  ref,
) {
  const headingId = useId();
  // Words for the other version's author: a colleague, or the user's own other write.
  const them = byYou
    ? {
        heading: `Another change of yours to this ${record} came first`,
        saved: 'That version',
        changed: 'Your other change made (kept)',
        both: 'Both your changes set',
        theirs: 'That change',
      }
    : {
        heading: `Someone else changed this ${record} while you edited it`,
        saved: 'Their version',
        changed: 'They changed (kept)',
        both: 'You both changed',
        theirs: 'Theirs',
      };
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="usa-alert usa-alert--warning conflict-panel"
    >
      <div className="usa-alert__body">
        <h3 id={headingId} className="usa-alert__heading">
          {them.heading}
        </h3>
        <p className="usa-alert__text">
          {changedAt ? `${them.saved} was saved ${formatDateTime(changedAt)}. ` : ''}Nothing of{' '}
          {byYou ? 'this form' : 'yours'} was saved yet, and nothing you typed is lost. Review the
          changes, then save yours on top of {byYou ? 'it' : 'theirs'}.
        </p>
        {merge.theirs.length > 0 && (
          <>
            <h4>{them.changed}</h4>
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
          <Fieldset key={entry.name} legend={`${them.both} ${entry.label}: which to keep?`}>
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
              label={`${them.theirs}: ${shown(entry.theirs)}`}
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
