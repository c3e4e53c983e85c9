import { useAppSelector } from '../../app/hooks';
import { Details } from '../../components/Details';
import { formatAddress, formatDate, formatEnum } from '../../components/format';
import {
  approveShipment,
  rejectShipment,
  selectShipmentById,
  selectShipmentIdsOfMove,
} from '../../entities/shipments/shipmentsSlice';
import { ReviewActions } from './ReviewActions';

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
  if (!shipment) return null;

  const headingId = `shipment-${shipment.id}-heading`;
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
      {shipment.status === 'SUBMITTED' && (
        // Each shipment is changed with its own eTag, never the move's.
        <ReviewActions
          record="shipment"
          name={`shipment ${number}`}
          approve={() => approveShipment(shipment.id, shipment.eTag)}
          reject={(reason) => rejectShipment(shipment.id, shipment.eTag, reason)}
        />
      )}
    </section>
  );
}
