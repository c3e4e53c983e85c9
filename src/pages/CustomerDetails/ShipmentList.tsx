import { useCallback } from 'react';
import type { MoveStatus, MTOShipment } from '../../api/models';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { Details } from '../../components/Details';
import { StaleNotice } from '../../writes/ui/StaleNotice';
import { labelOf, SHIPMENT_STATUS_LABELS, SHIPMENT_TYPE_LABELS } from '../../components/labels';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import {
  approveShipment,
  listMTOShipments,
  rejectShipment,
  selectShipmentById,
  selectShipmentIdsOfMove,
} from '../../entities/shipments/shipmentsSlice';
import { shipmentFields } from './displayFields';
import { ReviewActions, type Decidable } from './ReviewActions';

/** A move whose shipments the server approves: an approved one, or one waiting for approvals. */
const APPROVES_SHIPMENTS = new Set<MoveStatus>(['APPROVED', 'APPROVALS REQUESTED']);

/** What the server's shipment approver and rejecter accept of this shipment now. */
export function shipmentDecisions(
  shipment: MTOShipment,
  moveStatus: MoveStatus | undefined,
): Decidable {
  const waits = shipment.status === 'SUBMITTED' || shipment.status === 'APPROVALS_REQUESTED';
  const moveApproved = moveStatus !== undefined && APPROVES_SHIPMENTS.has(moveStatus);
  return {
    approve: waits && moveApproved && !shipment.usesExternalVendor,
    reject: shipment.status === 'SUBMITTED',
    approveLater:
      waits && !moveApproved
        ? 'Approve the move first (Send to Prime); then its shipments can be approved.'
        : undefined,
  };
}

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
  const moveStatus = useAppSelector(
    (state) => shipment && selectMoveTaskOrderById(state, shipment.moveTaskOrderID)?.status,
  );
  const moveTaskOrderID = shipment?.moveTaskOrderID;
  const refetch = useCallback(() => listMTOShipments(moveTaskOrderID ?? ''), [moveTaskOrderID]);
  if (!shipment) return null;

  const headingId = `shipment-${shipment.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="record-card">
      <h3 id={headingId}>
        Shipment {number}: {labelOf(SHIPMENT_TYPE_LABELS, shipment.shipmentType)}
      </h3>
      <StaleNotice shown={shipment} reload={refetch} fields={shipmentFields} />
      <Details record={shipment} fields={shipmentFields} />
      {/* Each shipment is changed with its own eTag, never the move's. */}
      <ReviewActions
        record="shipment"
        name={`shipment ${number}`}
        item={shipment}
        select={select}
        refetch={refetch}
        fields={shipmentFields}
        decidable={(latest) => shipmentDecisions(latest, moveStatus)}
        approved={(latest) => latest.status === 'APPROVED'}
        rejected={(latest) => latest.status === 'REJECTED'}
        statusOf={(latest) => labelOf(SHIPMENT_STATUS_LABELS, latest.status)}
        approve={(version) => approveShipment(version.id, version.eTag)}
        reject={(version, reason) => rejectShipment(version.id, version.eTag, reason)}
      />
    </section>
  );
}
