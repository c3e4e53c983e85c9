import { capitalized } from '../../components/format';
import { Button } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import type { Versioned } from '../../api/models';
import type { RootState } from '../../app/store';
import { AlertSlot } from '../../components/AlertSlot';
import { useFocusLater } from '../../components/useFocusLater';
import type { DisplayField } from '../../writes/changes';
import type { ApiThunkAction } from '../../writes/thunks';
import { RecoveryAlert } from '../../writes/ui/RecoveryAlert';
import { ResultNote, useResultNote } from '../../writes/ui/ResultNote';
import { useRecordAction } from '../../writes/ui/useRecordAction';
import { RejectForm } from './RejectForm';

/** What the server would accept of this record now, as the page can tell. */
export interface Decidable {
  /** Approve is offered. */
  approve: boolean;
  /** Reject is offered. */
  reject: boolean;
  /** Why Approve is not offered though the record waits for a decision, if it does. */
  approveLater?: string;
}

type Decision = 'Approve' | 'Reject';

/**
 * What deciding a shipment or a service item may change on it (a shipment's
 * approval is its approvedDate, a service item's its approvedAt): a version
 * that shows the decision made after a lost answer is the user's own only if
 * nothing else changed in it (useRecordAction).
 */
const DECISION_FIELDS = ['status', 'approvedDate', 'approvedAt', 'rejectedAt', 'rejectionReason'];

interface ReviewActionsProps<R extends Versioned> {
  /** What is reviewed, for messages: "shipment", "service item". */
  record: string;
  /** Which one, for screen readers among many alike: "shipment 1". */
  name: string;
  item: R;
  select: (state: RootState) => R | undefined;
  /** Fetches the latest version into the store (these records have no single GET). */
  refetch: () => ApiThunkAction;
  fields: DisplayField<R>[];
  /** What may be done on a version of the record. */
  decidable: (record: R) => Decidable;
  /** How a version shows each decision made. */
  approved: (record: R) => boolean;
  rejected: (record: R) => boolean;
  /** Its status, in words, for "It is approved already". */
  statusOf: (record: R) => string;
  /** Approves that version of the record, with its eTag. */
  approve: (version: R) => ApiThunkAction;
  reject: (version: R, reason: string) => ApiThunkAction;
}

/**
 * Approve or reject (with a reason) one record, with its own eTag, when the
 * server would accept it. On a conflict the latest version is fetched and
 * the same decision can be made again on it, unless a colleague already
 * decided.
 */
export function ReviewActions<R extends Versioned>({
  record,
  name,
  item,
  select,
  refetch,
  fields,
  decidable,
  approved,
  rejected,
  statusOf,
  approve,
  reject,
}: ReviewActionsProps<R>) {
  const [rejecting, setRejecting] = useState(false);
  const [decision, setDecision] = useState<Decision>('Approve');
  // The decision being sent, for moot: run() checks it before the render that
  // setDecision asks for, so the state would still hold the previous one.
  const sending = useRef<Decision>('Approve');
  const decide = (next: Decision) => {
    sending.current = next;
    setDecision(next);
  };
  const moot = (latest: R) => {
    const offered = decidable(latest);
    const still = sending.current === 'Approve' ? offered.approve : offered.reject;
    return still
      ? null
      : `It is ${statusOf(latest).toLowerCase()} now, so there is nothing more to do.`;
  };
  const review = useRecordAction({ recordID: item.id, select, refetch, fields, moot });
  // What came of a decision, where its buttons were: the user's next step.
  const result = useResultNote<string>();
  // Cancel on the reason form brings the user back to Reject.
  const { ref: rejectRef, focusLater: focusReject } = useFocusLater<HTMLButtonElement>();
  const said = (what: string) => `${capitalized(name)} ${what}.`;

  const handleApprove = async () => {
    decide('Approve');
    result.clear();
    const done = await review.run({ write: approve, done: approved, fields: DECISION_FIELDS });
    if (done === 'done') result.say(said('approved'));
  };
  const handleReject = async (reason: string) => {
    decide('Reject');
    result.clear();
    const done = await review.run({
      write: (version) => reject(version, reason),
      done: rejected,
      fields: DECISION_FIELDS,
    });
    if (done) setRejecting(false);
    if (done === 'done') result.say(said('rejected'));
  };

  const offered = decidable(item);
  return (
    <>
      <AlertSlot role="status">
        {result.note && <ResultNote heading={result.note} news={result.note} />}
      </AlertSlot>
      <AlertSlot>
        {review.recovery && (
          <RecoveryAlert
            recovery={review.recovery}
            record={record}
            action={decision}
            pending={review.pending}
            onRedo={review.redo}
          />
        )}
      </AlertSlot>
      {(offered.approve || offered.reject) &&
        !review.recovery &&
        (rejecting ? (
          <RejectForm
            record={record}
            pending={review.pending}
            onReject={handleReject}
            onCancel={() => {
              setRejecting(false);
              focusReject();
            }}
          />
        ) : (
          <div className="margin-top-1">
            {offered.approve && (
              <Button type="button" onClick={() => void handleApprove()} disabled={review.pending}>
                {review.pending ? 'Approving…' : 'Approve'}{' '}
                <span className="usa-sr-only">{name}</span>
              </Button>
            )}
            {offered.reject && (
              <Button
                ref={rejectRef}
                type="button"
                secondary
                onClick={() => {
                  result.clear();
                  setRejecting(true);
                }}
                disabled={review.pending}
              >
                Reject <span className="usa-sr-only">{name}</span>
              </Button>
            )}
          </div>
        ))}
      {offered.approveLater && !review.recovery && (
        <p className="usa-hint margin-top-1">{offered.approveLater}</p>
      )}
    </>
  );
}
