import { Alert, Button } from '@trussworks/react-uswds';
import { memo, useState } from 'react';
import type { Versioned } from '../../api/models';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { AlertSlot } from '../../components/AlertSlot';
import { formatDateTime, savedAt } from '../../components/format';
import { describeChanges, formatChange, type DisplayField } from '../changes';
import { selectNewerVersion } from '../newerVersions';
import { settled, type ApiThunkAction } from '../thunks';
import { ResultNote, useResultNote } from './ResultNote';

interface StaleNoticeProps<R> {
  shown: R;
  /** Fetches the latest version into the store. */
  reload: () => ApiThunkAction;
  /** How the page shows the record: what changed is told in these words. */
  fields: DisplayField<R>[];
  /**
   * An edit form of the record is open: the form moves its draft onto the
   * latest version and shows what changed itself (its conflict panel takes
   * the focus), so the notice says nothing more once it is loaded.
   */
  editing?: boolean;
}

/**
 * Says, before the user acts, that the server has a newer version of the
 * record shown, and offers to show it. A write on the shown version would be
 * refused with 412 and recovered from anyway; this saves the round trip.
 * Once reloaded, it says what changed, where the Reload button was.
 */
function StaleNoticeOf<R extends Versioned>({
  shown,
  reload,
  fields,
  editing = false,
}: StaleNoticeProps<R>) {
  const dispatch = useAppDispatch();
  const newer = useAppSelector((state) => selectNewerVersion(state, shown));
  const [reloading, setReloading] = useState(false);
  const [failed, setFailed] = useState(false);
  // The version shown before the reload, to say what changed.
  const reloaded = useResultNote<{ from: R }>();

  const handleReload = async () => {
    if (reloading) return;
    const from = shown;
    setReloading(true);
    setFailed(false);
    const result = settled(await dispatch(reload()));
    setReloading(false);
    if (result.status !== 'fulfilled') setFailed(true);
    else if (!editing) reloaded.say({ from });
  };

  const changes = reloaded.note ? describeChanges(fields, reloaded.note.from, shown) : [];
  const when = savedAt(shown);
  return (
    <AlertSlot role="status">
      {newer && (
        <Alert type="info" headingLevel="h3" slim className="stale-notice">
          Updated by someone else{newer.updatedAt ? ` (${formatDateTime(newer.updatedAt)})` : ''}.
          You are looking at an older version.{' '}
          {failed && 'The latest version could not be loaded. '}
          {/* aria-disabled, not disabled: the button keeps the focus while it works. */}
          <Button type="button" unstyled onClick={handleReload} aria-disabled={reloading}>
            {reloading ? 'Reloading…' : failed ? 'Try again' : 'Reload'}
          </Button>
        </Alert>
      )}
      {reloaded.note && !newer && (
        <ResultNote
          type="info"
          heading={`You are looking at the latest version${when ? `, saved ${formatDateTime(when)}` : ''}.`}
          body={changes.length === 0 ? 'None of the fields shown here changed.' : 'What changed:'}
          news={reloaded.note}
        >
          {changes.length > 0 && (
            <ul className="margin-y-05">
              {changes.map((change) => (
                <li key={change.label}>{formatChange(change)}</li>
              ))}
            </ul>
          )}
        </ResultNote>
      )}
    </AlertSlot>
  );
}

// Re-rendered only when its record or its props change, not with its list.
// memo() drops the type parameter; the cast gives it back.
export const StaleNotice = memo(StaleNoticeOf) as typeof StaleNoticeOf;
