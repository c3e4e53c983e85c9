import { Alert, Button } from '@trussworks/react-uswds';
import { useCallback, useState } from 'react';
import type { ApiError } from '../../api/ApiError';
import type { Move, MoveStatus } from '../../api/models';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { AlertSlot } from '../../components/AlertSlot';
import { formatDate } from '../../components/format';
import {
  getMove,
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
  updateMoveTIORemarks,
} from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { RecoveryAlert } from '../../writes/ui/RecoveryAlert';
import { useRecordAction } from '../../writes/ui/useRecordAction';
import type { ErrorMessage } from '../../writes/wording';
import { moveFields } from './displayFields';
import { tioRemarksEditFields } from './editFields';
import { RecordSection } from './RecordSection';

/** The statuses from which the server approves a move that was never approved. */
const APPROVABLE = new Set<MoveStatus>([
  'SUBMITTED',
  'SERVICE COUNSELING COMPLETED',
  'APPROVALS REQUESTED',
]);

const isApproved = (latest: Move) => Boolean(latest.approvedAt);

const alreadyApproved = (latest: Move) =>
  latest.approvedAt
    ? `It was already approved on ${formatDate(latest.approvedAt)}, so there is nothing more to do here.`
    : null;

// What approval needs of the orders, as the server names each gap.
const ORDERS_GAPS: Record<string, string> = {
  TransportationAccountingCode: 'HHG TAC',
  DepartmentIndicator: 'department indicator',
  OrdersNumber: 'orders number',
  OrdersTypeDetail: 'orders type detail',
};

/**
 * Refusals of an approval the page can say more about: the orders lack what
 * approval needs (worded with the orders form's names), or no shipment has a
 * requested pickup date to price the move's fees for (a 404 without a body).
 */
export function describeApprovalGaps(error: ApiError): ErrorMessage | null {
  if (error.kind === 'notFound') {
    return {
      heading: 'The move was not approved',
      body: "The server found no requested pickup date among the move's shipments to price its move management and counseling fees for. Nothing was saved.",
    };
  }
  if (error.kind !== 'validation') return null;
  const gaps = [...error.detail.matchAll(/(\w+) cannot be blank\./g)].map(
    ([, name]) => ORDERS_GAPS[name] ?? name,
  );
  if (gaps.length === 0) return null;
  return {
    heading: 'The orders lack what approval needs',
    body: `The move was not approved: its orders have no ${gaps.join(', no ')}. Add ${gaps.length === 1 ? 'it' : 'them'} under Orders (Edit orders), then send the move again.`,
  };
}

// The move-level fees the real form offers, both asked for until the next
// change lets the TOO choose.
const SERVICE_ITEM_CODES = { serviceCodeMS: true, serviceCodeCS: true };

export function MoveTaskOrderPanel({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const select = useCallback(
    (state: RootState) => selectMoveTaskOrderById(state, moveTaskOrderID),
    [moveTaskOrderID],
  );
  const moveTaskOrder = useAppSelector(select);
  const locator = moveTaskOrder?.locator ?? '';
  const refetch = useCallback(() => getMove(locator), [locator]);
  const sendToPrime = useRecordAction({
    recordID: moveTaskOrderID,
    select,
    refetch,
    fields: moveFields,
    moot: alreadyApproved,
  });
  const [sent, setSent] = useState(false);
  if (!moveTaskOrder) return null;

  // The eTag sent is the one of the version this page shows (on a redo, the
  // latest): if a colleague changed the move since, the server refuses with
  // 412 and nothing changes.
  const handleSendToPrime = async () => {
    setSent(false);
    const ok = await sendToPrime.run({
      write: (moveTaskOrder) =>
        updateMoveTaskOrderStatus(moveTaskOrder.id, moveTaskOrder.eTag, SERVICE_ITEM_CODES),
      done: isApproved,
    });
    setSent(ok);
  };

  const canApprove = !moveTaskOrder.approvedAt && APPROVABLE.has(moveTaskOrder.status);
  // A refusal (422: the orders lack what approval needs) offers no redo of
  // its own: once the orders are complete, the move is sent again from here.
  const offered = !sendToPrime.recovery || sendToPrime.recovery.error.kind === 'validation';
  return (
    <RecordSection
      title="Move task order"
      record="move"
      recordID={moveTaskOrderID}
      select={select}
      refetch={refetch}
      displayFields={moveFields}
      edit={{
        label: 'Edit TIO remarks',
        fields: tioRemarksEditFields,
        body: (_base, draft) => ({ tioRemarks: draft.tioRemarks === '' ? null : draft.tioRemarks }),
        save: (eTag, body) =>
          updateMoveTIORemarks(
            moveTaskOrderID,
            eTag,
            (body as Pick<Move, 'tioRemarks'>).tioRemarks ?? null,
          ),
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
            explain={describeApprovalGaps}
          />
        )}
      </AlertSlot>
      <AlertSlot role="status">
        {sent && (
          <Alert type="success" headingLevel="h3" heading="The move was approved">
            {moveTaskOrder.availableToPrimeAt
              ? 'It is available to the Prime.'
              : 'It becomes available to the Prime once one of its shipments is approved: approve them under Requested shipments.'}
          </Alert>
        )}
      </AlertSlot>
      {canApprove && offered && (
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
