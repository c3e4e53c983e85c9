import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useApiAction, useAppSelector } from '../../app/hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Details } from '../../components/Details';
import { formatAddress, formatDate, formatEnum } from '../../components/format';
import {
  approveShipment,
  rejectShipment,
  selectShipmentById,
  selectShipmentIdsOfMove,
} from '../../entities/shipments/shipmentsSlice';
import { RejectForm } from './RejectForm';

export function ShipmentList({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const shipmentIDs = useAppSelector((state) => selectShipmentIdsOfMove(state, moveTaskOrderID));
  return (
    <section aria-labelledby="shipments-heading">
      <h2 id="shipments-heading">Requested shipments</h2>
      {shipmentIDs.length === 0 && <p>This move has no shipments.</p>}
      {shipmentIDs.map((shipmentID, index) => (
        <ShipmentCard key={shipmentID} shipmentID={shipmentID} number={index + 1} />
      ))}
    </section>
  );
}

function ShipmentCard({ shipmentID, number }: { shipmentID: string; number: number }) {
  const shipment = useAppSelector((state) => selectShipmentById(state, shipmentID));
  const action = useApiAction();
  const [rejecting, setRejecting] = useState(false);
  if (!shipment) return null;

  const headingId = `shipment-${shipment.id}-heading`;
  // Each shipment is changed with its own eTag, never the move's.
  const approve = () => action.run(approveShipment(shipment.id, shipment.eTag));
  const reject = async (reason: string) => {
    if (await action.run(rejectShipment(shipment.id, shipment.eTag, reason))) setRejecting(false);
  };

  return (
    <section aria-labelledby={headingId} className="record-card">
      <h3 id={headingId}>
        Shipment {number}: {formatEnum(shipment.shipmentType)}
      </h3>
      <Details
        rows={[
          ['Status', formatEnum(shipment.status)],
          ['Requested pickup date', formatDate(shipment.requestedPickupDate)],
          ['Pickup address', formatAddress(shipment.pickupAddress)],
          ['Destination address', formatAddress(shipment.destinationAddress)],
          ['Customer remarks', shipment.customerRemarks],
          ...(shipment.approvedDate
            ? [['Approved on', formatDate(shipment.approvedDate)] as [string, string]]
            : []),
          ...(shipment.rejectionReason
            ? [['Rejection reason', shipment.rejectionReason] as [string, string]]
            : []),
        ]}
      />
      {action.error && <ApiErrorAlert error={action.error} record="shipment" headingLevel="h4" />}
      {shipment.status === 'SUBMITTED' && !rejecting && (
        <div className="margin-top-2">
          <Button type="button" onClick={approve} disabled={action.pending}>
            {action.pending ? 'Approving…' : 'Approve'}{' '}
            <span className="usa-sr-only">shipment {number}</span>
          </Button>
          <Button
            type="button"
            secondary
            onClick={() => setRejecting(true)}
            disabled={action.pending}
          >
            Reject <span className="usa-sr-only">shipment {number}</span>
          </Button>
        </div>
      )}
      {shipment.status === 'SUBMITTED' && rejecting && (
        <RejectForm
          record="shipment"
          pending={action.pending}
          onReject={reject}
          onCancel={() => setRejecting(false)}
        />
      )}
    </section>
  );
}
