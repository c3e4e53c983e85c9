import { Alert, Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useApiAction, useAppSelector } from '../../app/hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Details } from '../../components/Details';
import { formatDate } from '../../components/format';
import {
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
} from '../../entities/moveTaskOrders/moveTaskOrdersSlice';

export function MoveTaskOrderPanel({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const moveTaskOrder = useAppSelector((state) => selectMoveTaskOrderById(state, moveTaskOrderID));
  const sendToPrime = useApiAction();
  const [sent, setSent] = useState(false);
  if (!moveTaskOrder) return null;

  const available = moveTaskOrder.availableToPrimeAt !== null;

  const handleSendToPrime = async () => {
    // The eTag is the one of the version this page shows: if a colleague
    // changed the move since, the server refuses with 412 and nothing changes.
    const ok = await sendToPrime.run(
      updateMoveTaskOrderStatus(moveTaskOrder.id, moveTaskOrder.eTag, {
        serviceCodeMS: true,
        serviceCodeCS: true,
      }),
    );
    setSent(ok);
  };

  return (
    <section aria-labelledby="mto-heading" className="record-card">
      <h2 id="mto-heading">Move task order</h2>
      <Details
        rows={[
          [
            'Status',
            available
              ? `Available to Prime since ${formatDate(moveTaskOrder.availableToPrimeAt)}`
              : 'Draft',
          ],
          ['Reference ID', moveTaskOrder.referenceId],
          ['TIO remarks', moveTaskOrder.tioRemarks],
        ]}
      />
      {sendToPrime.error && <ApiErrorAlert error={sendToPrime.error} record="move" />}
      {sent && (
        <Alert type="success" headingLevel="h3" slim role="status">
          The move was sent to the Prime.
        </Alert>
      )}
      {!available && (
        <Button
          type="button"
          className="margin-top-2"
          onClick={handleSendToPrime}
          disabled={sendToPrime.pending}
          aria-disabled={sendToPrime.pending}
        >
          {sendToPrime.pending ? 'Sending to Prime…' : 'Send to Prime'}
        </Button>
      )}
    </section>
  );
}
