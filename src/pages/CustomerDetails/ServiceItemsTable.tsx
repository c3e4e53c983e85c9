import { Table } from '@trussworks/react-uswds';
import { useCallback } from 'react';
import type { MoveStatus, MTOServiceItem } from '../../api/models';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { formatDate } from '../../components/format';
import { labelOf, SERVICE_ITEM_STATUS_LABELS } from '../../components/labels';
import { StaleNotice } from '../../writes/ui/StaleNotice';
import {
  listMTOServiceItems,
  selectServiceItemById,
  selectServiceItemIdsOfMove,
  updateMTOServiceItemStatus,
} from '../../entities/serviceItems/serviceItemsSlice';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { selectShipmentIdsOfMove } from '../../entities/shipments/shipmentsSlice';
import { serviceItemFields } from './displayFields';
import { ReviewActions, type Decidable } from './ReviewActions';

/** The move statuses in which the server decides a service item (else 422). */
const DECIDES_SERVICE_ITEMS = new Set<MoveStatus>(['APPROVED', 'APPROVALS REQUESTED']);

/**
 * A service item the Prime asked for waits for the TOO's decision, once the
 * move is approved. The move fees (MS, CS) are created approved and belong to
 * no shipment: the server cannot decide them through this endpoint.
 */
export function serviceItemDecisions(
  item: MTOServiceItem,
  moveStatus: MoveStatus | undefined,
): Decidable {
  const waits = item.status === 'SUBMITTED' && Boolean(item.mtoShipmentID);
  const moveApproved = moveStatus !== undefined && DECIDES_SERVICE_ITEMS.has(moveStatus);
  return {
    approve: waits && moveApproved,
    reject: waits && moveApproved,
    approveLater:
      waits && !moveApproved
        ? 'Approve the move first (Send to Prime); then its service items can be decided.'
        : undefined,
  };
}

export function ServiceItemsTable({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const serviceItemIDs = useAppSelector((state) =>
    selectServiceItemIdsOfMove(state, moveTaskOrderID),
  );
  const shipmentIDs = useAppSelector((state) => selectShipmentIdsOfMove(state, moveTaskOrderID));
  return (
    <section aria-labelledby="service-items-heading">
      <h2 id="service-items-heading">Service items</h2>
      {serviceItemIDs.length === 0 ? (
        <p>This move has no service items yet.</p>
      ) : (
        <Table fullWidth stackedStyle="default">
          <thead>
            <tr>
              <th scope="col">Service item</th>
              <th scope="col">For</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {serviceItemIDs.map((serviceItemID) => (
              <ServiceItemRow
                key={serviceItemID}
                serviceItemID={serviceItemID}
                shipmentIDs={shipmentIDs}
              />
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

interface ServiceItemRowProps {
  serviceItemID: string;
  /** The move's shipments in page order, to name the one an item belongs to. */
  shipmentIDs: string[];
}

function ServiceItemRow({ serviceItemID, shipmentIDs }: ServiceItemRowProps) {
  const select = useCallback(
    (state: RootState) => selectServiceItemById(state, serviceItemID),
    [serviceItemID],
  );
  const serviceItem = useAppSelector(select);
  const moveStatus = useAppSelector(
    (state) => serviceItem && selectMoveTaskOrderById(state, serviceItem.moveTaskOrderID)?.status,
  );
  if (!serviceItem) return null;

  const shipmentIndex = serviceItem.mtoShipmentID
    ? shipmentIDs.indexOf(serviceItem.mtoShipmentID)
    : -1;
  const refetch = () => listMTOServiceItems(serviceItem.moveTaskOrderID);
  const target = shipmentIndex >= 0 ? `Shipment ${shipmentIndex + 1}` : 'The move';
  const when =
    serviceItem.status === 'APPROVED'
      ? ` on ${formatDate(serviceItem.approvedAt)}`
      : serviceItem.status === 'REJECTED'
        ? ` on ${formatDate(serviceItem.rejectedAt)}: ${serviceItem.rejectionReason ?? ''}`
        : '';

  return (
    <tr>
      <th scope="row" data-label="Service item">
        {serviceItem.reServiceName} ({serviceItem.reServiceCode})
        {serviceItem.status === 'SUBMITTED' && serviceItem.reason && (
          <span className="display-block text-normal">Reason: {serviceItem.reason}</span>
        )}
      </th>
      <td data-label="For">{target}</td>
      <td data-label="Status">
        {labelOf(SERVICE_ITEM_STATUS_LABELS, serviceItem.status)}
        {when}
        <StaleNotice shown={serviceItem} reload={refetch} fields={serviceItemFields} />
      </td>
      <td data-label="Actions">
        {/* Each service item is changed with its own eTag, never the move's. */}
        <ReviewActions
          record="service item"
          name={`${serviceItem.reServiceName}, ${target.toLowerCase()}`}
          item={serviceItem}
          select={select}
          refetch={refetch}
          fields={serviceItemFields}
          decidable={(latest) => serviceItemDecisions(latest, moveStatus)}
          approved={(latest) => latest.status === 'APPROVED'}
          rejected={(latest) => latest.status === 'REJECTED'}
          statusOf={(latest) => labelOf(SERVICE_ITEM_STATUS_LABELS, latest.status)}
          approve={(version) =>
            updateMTOServiceItemStatus(version, version.eTag, { status: 'APPROVED' })
          }
          reject={(version, rejectionReason) =>
            updateMTOServiceItemStatus(version, version.eTag, {
              status: 'REJECTED',
              rejectionReason,
            })
          }
        />
      </td>
    </tr>
  );
}
