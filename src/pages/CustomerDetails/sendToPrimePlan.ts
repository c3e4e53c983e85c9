// What Send to Prime will do, worked out from the records as the store holds
// them and what the TOO chose: the real office app's approve flow (GHC.md,
// "The TOO's approve flow today"). Step 1 approves the move and creates its
// move-level service items (updateMoveTaskOrderStatus, on the move's eTag);
// step 2 approves the chosen shipments, all or nothing, each on its own eTag
// (approveShipments), which makes the move available to the Prime. Worked out
// again before every attempt, on the latest versions, so a retry sends only
// what is left: nothing a colleague already did, and never step 1 twice.
import { capitalized } from '../../components/format';
import type {
  Move,
  MoveStatus,
  MTOServiceItem,
  MTOShipment,
  ServiceItemCodes,
} from '../../api/models';
import { labelOf, MOVE_STATUS_LABELS, SHIPMENT_TYPE_LABELS } from '../../components/labels';

/** The statuses from which the server approves a move that was never approved. */
export const APPROVABLE = new Set<MoveStatus>([
  'SUBMITTED',
  'SERVICE COUNSELING COMPLETED',
  'APPROVALS REQUESTED',
]);

/** What the TOO chose in the form. */
export interface SendChoice {
  shipmentIDs: readonly string[];
  /** Counseling (CS), unchecked by default as in the real form. */
  counseling: boolean;
}

/** A shipment as the form names it: "Shipment 2 (HHG)". */
export interface NamedShipment {
  shipment: MTOShipment;
  /** Its place among the move's shipments, from 1, as the page numbers them. */
  number: number;
}

export interface SendPlan {
  /** The move was never approved: the form is shown, to approve it or to say why it cannot be. */
  needsApproval: boolean;
  /** The requested shipments the form offers, in the page's order. */
  offered: NamedShipment[];
  /** Move management (MS) is added with the approval: shown checked, as the real form does. */
  offersMoveManagement: boolean;
  /** Counseling (CS) may be added. */
  offersCounseling: boolean;
  /** Step 1, if it is to be sent: its service item codes. */
  step1: ServiceItemCodes | null;
  /** The move is approved by step 1. */
  approvesMove: boolean;
  /** Step 2: the chosen shipments that are still requested. */
  step2: NamedShipment[];
  /** What the button will do, in words; null when it can do nothing. */
  summary: string | null;
  /** Why nothing can be sent, when nothing can. */
  blocked: string | null;
}

/** A requested shipment the Prime would handle: the form offers it for approval. */
export const isRequested = (shipment: MTOShipment) =>
  shipment.status === 'SUBMITTED' && !shipment.usesExternalVendor;

/** "Shipment 2 (HHG)" */
export const shipmentName = ({ shipment, number }: NamedShipment) =>
  `Shipment ${number} (${labelOf(SHIPMENT_TYPE_LABELS, shipment.shipmentType)})`;

/** The service items step 1's codes add, in words: "move management (MS)", "counseling (CS)". */
export function serviceItemsIn(codes: ServiceItemCodes | null): string[] {
  return [
    codes?.serviceCodeMS ? 'move management (MS)' : null,
    codes?.serviceCodeCS ? 'counseling (CS)' : null,
  ].filter((item) => item !== null);
}

/** "shipment 2", "shipments 1 and 3", "shipments 1, 2 and 3" */
export function shipmentsInWords(shipments: NamedShipment[]): string {
  const numbers = shipments.map(({ number }) => String(number));
  if (numbers.length === 1) return `shipment ${numbers[0]}`;
  return `shipments ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** "Shipment 2 was", "Shipments 1 and 3 were": the start of a sentence. */
export function shipmentsWere(shipments: NamedShipment[]): string {
  const words = shipmentsInWords(shipments);
  return `${capitalized(words)} ${shipments.length === 1 ? 'was' : 'were'}`;
}

const count = (n: number) => (n === 1 ? '1 shipment' : `${n} shipments`);

interface PlanInput {
  move: Move;
  /** The move's shipments, in the page's order. */
  shipments: MTOShipment[];
  serviceItems: MTOServiceItem[];
  choice: SendChoice;
  /** Step 1 was done in this job: only step 2 is left, whatever the records say. */
  step1Done: boolean;
}

export function planSendToPrime({
  move,
  shipments,
  serviceItems,
  choice,
  step1Done,
}: PlanInput): SendPlan {
  const offered = shipments
    .map((shipment, index) => ({ shipment, number: index + 1 }))
    .filter(({ shipment }) => isRequested(shipment));
  const hasCode = (code: string) => serviceItems.some((item) => item.reServiceCode === code);
  const ppmOnly = shipments.length > 0 && shipments.every((s) => s.shipmentType === 'PPM');
  // The real form sends MS whenever it is offered and the move is not yet
  // available to the Prime; a second MS would be skipped, a second CS not.
  // MS comes with the move's approval: a move someone else approved is not
  // sent again for it (its MS may simply not be listed here yet).
  const offersMoveManagement =
    !hasCode('MS') && !ppmOnly && !move.availableToPrimeAt && !move.approvedAt;
  const offersCounseling = !hasCode('CS') && !move.serviceCounselingCompletedAt;
  const codes: ServiceItemCodes = {
    serviceCodeMS: offersMoveManagement,
    serviceCodeCS: offersCounseling && choice.counseling,
  };

  const needsApproval = !move.approvedAt;
  const approvable = APPROVABLE.has(move.status);
  const wantsCodes = Boolean(codes.serviceCodeMS || codes.serviceCodeCS);
  const sendsStep1 = !step1Done && (needsApproval || wantsCodes);
  const step2 = offered.filter(({ shipment }) => choice.shipmentIDs.includes(shipment.id));
  const plan = {
    needsApproval: needsApproval && !step1Done,
    offered,
    offersMoveManagement: offersMoveManagement && !step1Done,
    offersCounseling: offersCounseling && !step1Done,
    step1: sendsStep1 ? codes : null,
    approvesMove: sendsStep1 && needsApproval,
    step2,
  };

  if (needsApproval && !approvable && !step1Done) {
    return {
      ...plan,
      step1: null,
      approvesMove: false,
      step2: [],
      summary: null,
      blocked: `The move is ${labelOf(MOVE_STATUS_LABELS, move.status).toLowerCase()}: the server approves a move only when it is submitted, service counseling completed or approvals requested.`,
    };
  }
  if (!plan.step1 && step2.length === 0) {
    return {
      ...plan,
      summary: null,
      blocked:
        offered.length > 0
          ? `Choose at least one shipment to approve${plan.offersCounseling ? ', or counseling (CS) to add' : ''}.`
          : 'Nothing is left to send: the move is approved and has no requested shipments.',
    };
  }

  const makesAvailable = step2.length > 0 && !move.availableToPrimeAt;
  const approvals = plan.approvesMove
    ? step2.length > 0
      ? `Approve the move and ${count(step2.length)}`
      : 'Approve the move'
    : step2.length > 0
      ? `Approve ${count(step2.length)}`
      : null;
  const added = serviceItemsIn(plan.step1);
  const parts = [
    approvals &&
      `${approvals}${makesAvailable ? ', and make the move available to the Prime' : ''}.`,
    added.length > 0 && `${approvals ? 'Adds' : 'Add'} ${added.join(' and ')}.`,
    plan.approvesMove &&
      step2.length === 0 &&
      !move.availableToPrimeAt &&
      'The move becomes available to the Prime once one of its shipments is approved.',
  ].filter(Boolean);
  return { ...plan, summary: parts.join(' '), blocked: null };
}
