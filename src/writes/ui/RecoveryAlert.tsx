import { Button } from '@trussworks/react-uswds';
import type { ApiError } from '../../api/ApiError';
import { formatDateTime } from '../../components/format';
import { formatChange } from '../changes';
import { attemptOf, describeFailedWrite, type ErrorMessage } from '../wording';
import { FocusedAlert } from './FocusedAlert';
import type { Recovery } from './useRecordAction';

/** Whether the alert offers the action again: not when it is done, moot, or cannot succeed as it is. */
export function offersRedo({ error, outcome, moot }: Recovery): boolean {
  return (
    outcome.kind !== 'gone' &&
    !moot &&
    outcome.kind !== 'saved' &&
    error.kind !== 'validation' &&
    !['preconditionRequired', 'permission', 'unauthorized', 'notImplemented', 'notFound'].includes(
      error.kind,
    )
  );
}

interface RecoveryAlertProps {
  recovery: Recovery;
  /** What was being changed: "move", "shipment". */
  record: string;
  /** The action to offer again: "Send to Prime", "Approve". */
  action: string;
  pending: boolean;
  onRedo: () => void;
  /** Words of the page's own for a refusal it knows better, if this is one. */
  explain?: (error: ApiError) => ErrorMessage | null;
}

/**
 * Why a write failed and what to do now. For a conflict: what changed since
 * the user loaded the record, field by field, and the same action again on
 * the latest version, unless that version makes it moot. For a failure with
 * no verdict (dropped, 5xx, timeout): whether the latest version shows the
 * change after all. Focus moves here so keyboard and screen-reader users land
 * on it.
 */
export function RecoveryAlert({
  recovery,
  record,
  action,
  pending,
  onRedo,
  explain,
}: RecoveryAlertProps) {
  const { error, outcome, latestLoaded, changes, changedAt, moot } = recovery;
  const gone = outcome.kind === 'gone';
  const message =
    (!gone ? explain?.(error) : null) ??
    describeFailedWrite(error, outcome, record, recovery.attempt ?? attemptOf(action, record));
  const again = error.kind === 'conflict' ? `${action} again` : 'Try again';
  const saved = outcome.kind === 'saved';
  const type = saved ? 'success' : error.kind === 'conflict' ? 'warning' : 'error';
  const offerAgain = offersRedo(recovery);

  return (
    <FocusedAlert type={type} heading={message.heading} body={message.body} news={recovery}>
      {changes.length > 0 && (
        <>
          <p>What changed{changedAt ? ` (saved ${formatDateTime(changedAt)})` : ''}:</p>
          <ul>
            {changes.map((change) => (
              <li key={change.label}>{formatChange(change)}</li>
            ))}
          </ul>
        </>
      )}
      {error.kind === 'conflict' && changes.length === 0 && !gone && latestLoaded && (
        <p>
          The fields that changed are not shown on this page. The page shows the latest version.
        </p>
      )}
      {!latestLoaded && outcome.kind !== 'unknown' && (
        <p>
          The latest version could not be loaded. Trying again loads it before anything is sent.
        </p>
      )}
      {moot && <p>{moot}</p>}
      {offerAgain && (
        <Button type="button" onClick={onRedo} disabled={pending}>
          {pending ? 'Working…' : again}
        </Button>
      )}
    </FocusedAlert>
  );
}
