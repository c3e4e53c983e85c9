import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import type { ApiThunkAction } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { useRecoverableWrite } from '../../app/useRecoverableWrite';
import { AlertSlot } from '../../components/AlertSlot';
import type { DisplayField } from '../../components/changes';
import { formatEnum } from '../../components/format';
import { RecoveryAlert } from '../../components/RecoveryAlert';
import { RejectForm } from './RejectForm';

interface Reviewable {
  id: string;
  eTag: string;
  updatedAt: string;
  status: string;
}

interface ReviewActionsProps<R extends Reviewable> {
  /** What is reviewed, for messages: "shipment", "service item". */
  record: string;
  /** Which one, for screen readers among many alike: "shipment 1". */
  name: string;
  item: R;
  select: (state: RootState) => R | undefined;
  /** Fetches the latest version into the store (these records have no single GET). */
  refetch: () => ApiThunkAction;
  fields: DisplayField<R>[];
  approve: (ifMatchETag: string) => ApiThunkAction;
  reject: (ifMatchETag: string, reason: string) => ApiThunkAction;
}

const decidedAlready = (latest: Reviewable) =>
  latest.status === 'SUBMITTED'
    ? null
    : `It is ${formatEnum(latest.status).toLowerCase()} already, so there is nothing more to do.`;

/**
 * Approve or reject (with a reason) one submitted record, with its own eTag.
 * On a conflict the latest version is fetched and the same decision can be
 * made again on it, unless a colleague already decided.
 */
export function ReviewActions<R extends Reviewable>({
  record,
  name,
  item,
  select,
  refetch,
  fields,
  approve,
  reject,
}: ReviewActionsProps<R>) {
  const [rejecting, setRejecting] = useState(false);
  const [decision, setDecision] = useState<'Approve' | 'Reject'>('Approve');
  const review = useRecoverableWrite({
    recordID: item.id,
    select,
    refetch,
    fields,
    moot: decidedAlready,
  });

  const handleApprove = () => {
    setDecision('Approve');
    review.run({ write: approve, done: (latest) => latest.status === 'APPROVED' });
  };
  const handleReject = async (reason: string) => {
    setDecision('Reject');
    const done = await review.run({
      write: (eTag) => reject(eTag, reason),
      done: (latest) => latest.status === 'REJECTED',
    });
    if (done) setRejecting(false);
  };

  return (
    <>
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
      {item.status === 'SUBMITTED' &&
        !review.recovery &&
        (rejecting ? (
          <RejectForm
            record={record}
            pending={review.pending}
            onReject={handleReject}
            onCancel={() => setRejecting(false)}
          />
        ) : (
          <div className="margin-top-1">
            <Button type="button" onClick={handleApprove} disabled={review.pending}>
              {review.pending ? 'Approving…' : 'Approve'}{' '}
              <span className="usa-sr-only">{name}</span>
            </Button>
            <Button
              type="button"
              secondary
              onClick={() => setRejecting(true)}
              disabled={review.pending}
            >
              Reject <span className="usa-sr-only">{name}</span>
            </Button>
          </div>
        ))}
    </>
  );
}
