// What became of step 2 (approveShipments, all or nothing) when it did not
// succeed, shipment by shipment, from the failure, the versions it was sent
// on and the latest versions; and how the page tells it. Each shipment is
// judged as any write is (writes/outcome.ts); the batch adds that one
// shipment's refusal refused them all.
import type { ApiError } from '../../api/ApiError';
import type { Move, MTOShipment } from '../../api/models';
import { capitalized, formatDate, formatDateTime, savedAt } from '../../components/format';
import { labelOf, SHIPMENT_STATUS_LABELS } from '../../components/labels';
import { describeChanges, type Change } from '../../writes/changes';
import { hadNoVerdict, outcomeOf } from '../../writes/outcome';
import { describeApiError, type ErrorMessage } from '../../writes/wording';
import { shipmentFields } from './displayFields';
import {
  isRequested,
  shipmentsInWords,
  shipmentsWere,
  type NamedShipment,
} from './sendToPrimePlan';

export type ShipmentState =
  /** As it was sent: nothing happened to it. */
  | 'unchanged'
  /** Changed since it was loaded, still requested: approve it on its latest version. */
  | 'changed'
  /** Approved since, by someone else (or by this write, if no answer came). */
  | 'approved'
  /** No longer requested (rejected, canceled): it cannot be approved. */
  | 'notRequested'
  /** The server refused it by name (409, 404) or by what it lacks (422). */
  | 'refused'
  | 'gone';

export interface ShipmentReport {
  named: NamedShipment;
  state: ShipmentState;
  /** Who made the newer version, if there is one. */
  by: 'you' | 'someoneElse' | null;
  changes: Change[];
  changedAt: string | null;
  /** The latest version, when it was loaded. */
  latest: MTOShipment | undefined;
}

export interface Step2Report {
  error: ApiError;
  /** The latest versions were loaded after the failure. */
  loaded: boolean;
  /** Step 2 took effect after all: no answer came and every shipment shows approved. */
  saved: boolean;
  shipments: ShipmentReport[];
  /** The chosen shipments still requested and not refused: what one click sends. */
  remaining: NamedShipment[];
  /** The move as the latest version has it. */
  move: Move | undefined;
  /** When checking again could not load the latest versions either. */
  checkedAgainAt?: string;
}

interface JudgeInput {
  error: ApiError;
  /** The shipments step 2 was sent on, as sent. */
  sent: NamedShipment[];
  /** Their latest versions by id (undefined: gone, or not loaded). */
  latest: Record<string, MTOShipment | undefined>;
  loaded: boolean;
  move: Move | undefined;
  ownWritesBetween: (base: MTOShipment, latest: MTOShipment) => string[] | null;
  /** Today, as the server compares a requested pickup date (YYYY-MM-DD). */
  today: string;
  /**
   * Already told from the latest versions that it did not take effect (a
   * report judged again): an approval seen since is someone else's.
   */
  notSaved?: boolean;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The shipments a refusal names: by id in its detail; for a 422, the ones lacking a pickup date after today. */
function refusedIDs(error: ApiError, sent: NamedShipment[], today: string): Set<string> {
  const named = new Set((error.detail.match(UUID) ?? []).map((id) => id.toLowerCase()));
  const ids = sent.map(({ shipment }) => shipment.id).filter((id) => named.has(id.toLowerCase()));
  if (ids.length > 0 || error.kind !== 'validation') return new Set(ids);
  return new Set(
    sent
      .filter(
        ({ shipment }) =>
          shipment.shipmentType !== 'PPM' &&
          !(shipment.requestedPickupDate && shipment.requestedPickupDate > today),
      )
      .map(({ shipment }) => shipment.id),
  );
}

export function judgeStep2({
  error,
  sent,
  latest,
  loaded,
  move,
  ownWritesBetween,
  today,
  notSaved = false,
}: JudgeInput): Step2Report {
  const refused = ['businessRule', 'notFound', 'validation'].includes(error.kind)
    ? refusedIDs(error, sent, today)
    : new Set<string>();
  const approved = (version: MTOShipment) => version.status === 'APPROVED';
  // All or nothing: no answer, and every one approved, is this write's
  // doing; if one is not, it saved none of them, and any approved one was
  // approved by another write (a colleague's, or the user's own).
  const saved =
    !notSaved &&
    loaded &&
    hadNoVerdict(error) &&
    sent.every(({ shipment }) => {
      const found = latest[shipment.id];
      return found !== undefined && found.eTag !== shipment.eTag && approved(found);
    });
  const shipments = sent.map((named): ShipmentReport => {
    const base = named.shipment;
    const found = latest[base.id];
    const outcome = outcomeOf({
      failure: error,
      base,
      latest: { latest: found, loaded },
      done: (version) => saved && approved(version),
      ownWritesBetween,
    });
    const newer = found && found.eTag !== base.eTag ? found : undefined;
    const report = {
      named: { ...named, shipment: found ?? base },
      by:
        outcome.kind === 'changed'
          ? outcome.by
          : outcome.kind === 'saved'
            ? ('you' as const)
            : null,
      changes: newer ? describeChanges(shipmentFields, base, newer) : [],
      changedAt: newer ? savedAt(newer) : null,
      latest: found,
    };
    if (outcome.kind === 'gone') return { ...report, state: 'gone' };
    if (refused.has(base.id)) return { ...report, state: 'refused' };
    if (newer?.status === 'APPROVED') return { ...report, state: 'approved' };
    if (newer && !isRequested(newer)) return { ...report, state: 'notRequested' };
    return { ...report, state: newer ? 'changed' : 'unchanged' };
  });
  return { error, loaded, saved, shipments, remaining: remainingOf(shipments), move };
}

/** The shipments one click still sends: those still requested and not refused. */
export const remainingOf = (shipments: ShipmentReport[]): NamedShipment[] =>
  shipments
    .filter(({ state }) => state === 'unchanged' || state === 'changed')
    .map(({ named }) => named);

/** "Shipment 2 was" / "Shipments 1 and 3 were" */
const were = (shipments: ShipmentReport[]) => shipmentsWere(shipments.map(({ named }) => named));

export interface Step2Message extends ErrorMessage {
  /** More to say, a sentence each: what colleagues already did. */
  notes: string[];
  /** The one click that finishes the job, if one can: its label. */
  offer: string | null;
}

/** What the page says of a failed step 2; `moveApproved`: step 1 ran in this job. */
export function describeStep2(report: Step2Report, moveApproved: boolean): Step2Message {
  const { error, shipments, remaining, move, loaded } = report;
  const of = (state: ShipmentState) => shipments.filter((s) => s.state === state);
  const prefix = moveApproved ? 'The move was approved. ' : '';
  const available = move?.availableToPrimeAt
    ? `the move is available to the Prime (since ${formatDate(move.availableToPrimeAt)})`
    : 'the move is not yet available to the Prime';
  const offer = remaining.length > 0 ? `Approve ${shipmentsInWords(remaining)}` : null;

  const notes = [
    ...of('approved').map((s) =>
      s.by === 'you'
        ? `${were([s])} approved by your earlier approval.`
        : `${were([s])} already approved by someone else${move?.availableToPrimeAt ? ', which also made the move available to the Prime' : ''}: it is not sent again.`,
    ),
    ...of('notRequested').map(
      (s) =>
        `${were([s])} ${labelOf(SHIPMENT_STATUS_LABELS, s.latest!.status).toLowerCase()} by someone else since you loaded it, so it cannot be approved.`,
    ),
    ...of('gone').map((s) => `${were([s])} removed since you loaded it.`),
  ];
  const finish =
    remaining.length > 0
      ? ` Approve ${shipmentsInWords(remaining)} on ${remaining.length === 1 ? 'its' : 'their'} latest version${remaining.length === 1 ? '' : 's'} to finish.`
      : ' Nothing is left to send.';

  if (!loaded && hadNoVerdict(error)) {
    return {
      heading: 'It is not known whether the shipments were approved',
      body: `${prefix}No answer came to the approval of the shipments, and their latest versions could not be loaded to tell whether it was saved.${report.checkedAgainAt ? ` Checked again at ${formatDateTime(report.checkedAgainAt)}: they still could not be loaded.` : ''} Checking again loads them before anything is sent.`,
      notes: [],
      offer: 'Check and try again',
    };
  }
  if (error.kind === 'conflict') {
    const changed = shipments.filter(
      (s) =>
        s.by === 'someoneElse' &&
        (s.state === 'changed' || s.state === 'approved' || s.state === 'notRequested'),
    );
    const who = changed.length > 0 ? changed : of('changed');
    return {
      heading: 'No shipment was approved',
      body: `${prefix}${who.length > 0 ? `${were(who)} changed by someone else since you loaded ${who.length === 1 ? 'it' : 'them'}` : 'A shipment was changed since you loaded it'}, so no shipment was approved and ${available}.${finish}`,
      notes,
      offer,
    };
  }
  if (of('refused').length > 0) {
    const refused = of('refused');
    const why =
      error.kind === 'validation'
        ? `${refused.length === 1 ? 'it has' : 'they have'} no requested pickup date after today`
        : error.detail || 'its status does not allow it';
    return {
      heading: `${capitalized(shipmentsInWords(refused.map(({ named }) => named)))} cannot be approved`,
      body: `${prefix}The server refused to approve ${shipmentsInWords(refused.map(({ named }) => named))}: ${why}. So no shipment was approved and ${available}.${remaining.length > 0 ? ` Approve ${shipmentsInWords(remaining)} without ${refused.length === 1 ? 'it' : 'them'}, or change ${refused.length === 1 ? 'it' : 'them'} first.` : ''}`,
      notes,
      offer,
    };
  }
  if (hadNoVerdict(error)) {
    return {
      heading: 'The shipments were not approved',
      body: `${prefix}No answer came to the approval of the shipments, and their latest versions show it did not go through: ${available}.${finish}`,
      notes,
      offer,
    };
  }
  const said = describeApiError(error, 'shipment', {
    what: 'the approval of the shipments',
    notDone: `No shipment was approved and ${available}.`,
  });
  return {
    heading: said.heading,
    body: `${prefix}${said.body}`,
    notes,
    offer: error.kind === 'csrf' ? offer : null,
  };
}
