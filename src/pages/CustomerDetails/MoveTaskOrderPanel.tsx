import { Alert, Button } from '@trussworks/react-uswds';
import { useCallback, useState } from 'react';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { useRecoverableWrite } from '../../app/useRecoverableWrite';
import { AlertSlot } from '../../components/AlertSlot';
import { formatDate } from '../../components/format';
import { RecoveryAlert } from '../../components/RecoveryAlert';
import {
  getMoveTaskOrder,
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
  updateMoveTIORemarks,
  type StoredMoveTaskOrder,
} from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { moveTaskOrderFields } from './displayFields';
import { tioRemarksEditFields } from './editFields';
import { RecordSection } from './RecordSection';

const isAvailableToPrime = (latest: StoredMoveTaskOrder) => Boolean(latest.availableToPrimeAt);

const alreadySent = (latest: StoredMoveTaskOrder) =>
  latest.availableToPrimeAt
    ? `It was already sent to the Prime on ${formatDate(latest.availableToPrimeAt)}, so there is nothing more to do.`
    : null;

export function MoveTaskOrderPanel({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const select = useCallback(
    (state: RootState) => selectMoveTaskOrderById(state, moveTaskOrderID),
    [moveTaskOrderID],
  );
  const refetch = useCallback(() => getMoveTaskOrder(moveTaskOrderID), [moveTaskOrderID]);
  const moveTaskOrder = useAppSelector(select);
  const sendToPrime = useRecoverableWrite({
    recordID: moveTaskOrderID,
    select,
    refetch,
    fields: moveTaskOrderFields,
    moot: alreadySent,
  });
  const [sent, setSent] = useState(false);
  if (!moveTaskOrder) return null;

  // The eTag sent is the one of the version this page shows: if a colleague
  // changed the move since, the server refuses with 412 and nothing changes.
  const handleSendToPrime = async () => {
    setSent(false);
    const ok = await sendToPrime.run({
      write: (eTag) =>
        updateMoveTaskOrderStatus(moveTaskOrder.id, eTag, {
          serviceCodeMS: true,
          serviceCodeCS: true,
        }),
      done: isAvailableToPrime,
    });
    setSent(ok);
  };

  return (
    <RecordSection
      title="Move task order"
      record="move"
      recordID={moveTaskOrderID}
      select={select}
      refetch={refetch}
      displayFields={moveTaskOrderFields}
      edit={{
        label: 'Edit TIO remarks',
        fields: tioRemarksEditFields,
        save: (eTag, changes) =>
          updateMoveTIORemarks(moveTaskOrderID, eTag, changes.tioRemarks as string | null),
      }}
    >
      <AlertSlot>
        {sendToPrime.recovery && (
          <RecoveryAlert
            recovery={sendToPrime.recovery}
            record="move"
            action="Send to Prime"
            pending={sendToPrime.pending}
            onRedo={handleSendToPrime}
          />
        )}
      </AlertSlot>
      <AlertSlot role="status">
        {sent && (
          <Alert type="success" headingLevel="h3" slim>
            The move was sent to the Prime.
          </Alert>
        )}
      </AlertSlot>
      {!moveTaskOrder.availableToPrimeAt && !sendToPrime.recovery && (
        <Button
          type="button"
          className="margin-top-2"
          onClick={handleSendToPrime}
          disabled={sendToPrime.pending}
        >
          {sendToPrime.pending ? 'Sending to Prime…' : 'Send to Prime'}
        </Button>
      )}
    </RecordSection>
  );
}
