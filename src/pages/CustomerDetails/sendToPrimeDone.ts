import { capitalized } from '../../components/format';
import { shipmentsWere } from './sendToPrimePlan';
import type { Done } from './useSendToPrime';

/** What a finished Send to Prime says: what it approved or added, and whether the Prime has the move. */
export function describeDone(done: Done): { heading: string; body: string } {
  const { approvedMove, shipments, confirmedLate, added, wasAvailable, available } = done;
  const late = confirmedLate
    ? ' The server did not confirm it, but the latest versions show it done.'
    : '';
  // Service items added to a move approved before (the job approved neither it nor a shipment).
  const itemsAdded =
    added.length > 0
      ? `${capitalized(added.join(' and '))} ${added.length === 1 ? 'was' : 'were'} added to the move`
      : null;
  const heading = approvedMove
    ? 'The move was approved'
    : shipments.length > 0
      ? `${shipmentsWere(shipments)} approved`
      : (itemsAdded ?? 'Nothing was changed');
  const notYetAvailable =
    'It becomes available to the Prime once one of its shipments is approved: approve them under Requested shipments, or choose them here.';
  const body =
    shipments.length > 0
      ? `${approvedMove ? `${shipmentsWere(shipments)} approved too, and the` : 'The'} move is available to the Prime.${!approvedMove && itemsAdded ? ` ${itemsAdded}.` : ''}${late}`
      : !available
        ? notYetAvailable
        : `The move ${wasAvailable ? 'stays' : 'is'} available to the Prime.${late}`;
  return { heading, body };
}
