import { useCallback } from 'react';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { Details } from '../../components/Details';
import { StaleNotice } from '../../components/StaleNotice';
import { formatEnum } from '../../components/format';
import {
  approveShipment,
  listMTOShipments,
  rejectShipment,
  selectShipmentById,
  selectShipmentIdsOfMove,
} from '../../entities/shipments/shipmentsSlice';
import { shipmentFields } from './displayFields';
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
  const select = useCallback(
    (state: RootState) => selectShipmentById(state, shipmentID),
    [shipmentID],
  );
  const shipment = useAppSelector(select);
  if (!shipment) return null;

  const headingId = `shipment-${shipment.id}-heading`;
  const refetch = () => listMTOShipments(shipment.moveTaskOrderID);
  return (
    <section aria-labelledby={headingId} className="record-card">
      <h3 id={headingId}>
        Shipment {number}: {formatEnum(shipment.shipmentType)}
      </h3>
      <StaleNotice shown={shipment} reload={refetch} />
      <Details record={shipment} fields={shipmentFields} />
      {/* Each shipment is changed with its own eTag, never the move's. */}
      <ReviewActions
        record="shipment"
        name={`shipment ${number}`}
        item={shipment}
        select={select}
        refetch={refetch}
        fields={shipmentFields}
        approve={(eTag) => approveShipment(shipment.id, eTag)}
        reject={(eTag, reason) => rejectShipment(shipment.id, eTag, reason)}
      />
    </section>
  );
}
