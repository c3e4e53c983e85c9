// The TOO's queue as the real server builds it (the SQL function
// get_origin_queue; GHC.md, "getMovesQueue in detail"): the moves of the
// office's GBLOC that have a shipment waiting for the TOO, filtered with
// case-insensitive "contains" matches, sorted with the locator as the
// tie-breaker, then paged. Listing it releases the caller's locks.
import type { operations } from '../../src/api/ghc';
import { db } from '../db';
import { noBody, ok } from '../http';
import { operation } from '../operation';
import * as payloads from '../payloads';
import {
  counselingOfficeById,
  dutyLocationById,
  officeUserById,
  SIGNED_IN_USER,
  TOO_OFFICE,
} from '../referenceData';
import type { MoveRow, Schemas, ShipmentRow } from '../records';
import { DESTINATION_CODES } from '../reServices';

type Query = NonNullable<operations['getMovesQueue']['parameters']['query']>;
type Sort = NonNullable<Query['sort']>;

const DEFAULT_STATUSES: readonly MoveRow['status'][] = [
  'SERVICE COUNSELING COMPLETED',
  'APPROVALS REQUESTED',
  'SUBMITTED',
];

interface Entry extends payloads.QueueParts {
  /** Values to filter and sort by, as the SQL reads them. */
  customerNames: string[];
  affiliation: string;
  originName: string;
  counselingOffice: string;
  assignedNames: string[];
  assignedLastName: string | null;
  requestedDates: string[];
  earliestRequested: string | null;
  sentToTooDays: string[];
  lastSentToToo: string | null;
}

const waitsForToo = (shipment: ShipmentRow) =>
  shipment.status === 'SUBMITTED' || shipment.status === 'APPROVALS_REQUESTED';

/** Every move the queue can list, whatever the filters: built once per change of the rows. */
function entries(): Entry[] {
  const shipmentsByMove = new Map<string, ShipmentRow[]>();
  for (const shipment of db.all('shipment')) {
    const list = shipmentsByMove.get(shipment.moveId) ?? [];
    list.push(shipment);
    shipmentsByMove.set(shipment.moveId, list);
  }
  const itemsByMove = new Map<string, payloads.QueueParts['serviceItems']>();
  for (const item of db.all('serviceItem')) {
    const list = itemsByMove.get(item.moveId) ?? [];
    list.push(item);
    itemsByMove.set(item.moveId, list);
  }
  // Shared rows, read only: copying each made the first page after a change slow.
  const orders = new Map(db.all('order').map((row) => [row.id, row]));
  const customers = new Map(db.all('customer').map((row) => [row.id, row]));
  return db.all('move').flatMap((move) => {
    const order = orders.get(move.ordersId);
    const customer = order && customers.get(order.serviceMemberId);
    if (!move.show || !order || !customer) return [];
    const shipments = shipmentsByMove.get(move.id) ?? [];
    const serviceItems = itemsByMove.get(move.id) ?? [];
    // The office's GBLOC, on a shipment that waits for the TOO: the move's
    // GBLOC (its first shipment's pickup, move_to_gbloc), or the orders' for
    // a shipment out of NTS.
    const moveGbloc = payloads.shipmentGbloc(shipments) ?? order.gbloc;
    const inOffice = (shipment: ShipmentRow) =>
      (shipment.shipmentType === 'HHG_OUTOF_NTS' ? order.gbloc : moveGbloc) === TOO_OFFICE.gbloc;
    if (!shipments.some((shipment) => waitsForToo(shipment) && inOffice(shipment))) return [];
    if (order.ordersType === 'SAFETY') return [];
    const submitted = serviceItems.filter((item) => item.shipmentId && item.status === 'SUBMITTED');
    if (
      submitted.length > 0 &&
      submitted.every((item) => DESTINATION_CODES.has(item.reServiceCode))
    ) {
      return [];
    }
    const assigned = officeUserById(move.tooAssignedId);
    const everyRequestedDate = shipments
      .flatMap((shipment) => [shipment.requestedPickupDate, shipment.requestedDeliveryDate])
      .filter((date): date is string => date !== null)
      .sort();
    const sent = [move.submittedAt, move.serviceCounselingCompletedAt, move.approvalsRequestedAt]
      .filter((at): at is string => at !== null)
      .sort();
    const { firstName, lastName } = customer;
    const parts = { move, order, customer, shipments, serviceItems };
    return [
      {
        ...parts,
        customerNames: [
          `${firstName} ${lastName}`,
          `${lastName} ${firstName}`,
          `${lastName}, ${firstName}`,
        ],
        affiliation: customer.affiliation,
        originName: dutyLocationById(order.originDutyLocationId)?.name ?? '',
        counselingOffice: counselingOfficeById(move.counselingOfficeId)?.name ?? '',
        assignedNames: assigned
          ? [
              `${assigned.firstName} ${assigned.lastName}`,
              `${assigned.lastName} ${assigned.firstName}`,
            ]
          : [],
        assignedLastName: assigned?.lastName ?? null,
        // A requested pickup, or an NTS release's requested delivery.
        requestedDates: shipments
          .flatMap((shipment) => [
            shipment.requestedPickupDate,
            shipment.shipmentType === 'HHG_OUTOF_NTS' ? shipment.requestedDeliveryDate : null,
          ])
          .filter((date): date is string => date !== null),
        earliestRequested: everyRequestedDate[0] ?? null,
        sentToTooDays: sent.map((at) => at.slice(0, 10)),
        lastSentToToo: sent[sent.length - 1] ?? null,
      },
    ];
  });
}

const STATUS_RANK: Partial<Record<MoveRow['status'], number>> = {
  'SERVICE COUNSELING COMPLETED': 1,
  SUBMITTED: 2,
  'NEEDS SERVICE COUNSELING': 3,
  'APPROVALS REQUESTED': 4,
  APPROVED: 5,
};
const DEFAULT_RANK: Partial<Record<MoveRow['status'], number>> = {
  'APPROVALS REQUESTED': 1,
  SUBMITTED: 2,
  'SERVICE COUNSELING COMPLETED': 3,
};

type Key = string | number | null;

/** The sort keys of the SQL, one or two columns each; null sorts as Postgres sorts NULL. */
const SORT_KEYS: Record<Sort | 'default', (entry: Entry) => Key[]> = {
  default: (entry) => [DEFAULT_RANK[entry.move.status] ?? 99],
  status: (entry) => [STATUS_RANK[entry.move.status] ?? 99],
  customerName: (entry) => [entry.customer.lastName, entry.customer.firstName],
  edipi: (entry) => [entry.customer.edipi],
  emplid: (entry) => [entry.customer.emplid],
  branch: (entry) => [entry.affiliation],
  locator: (entry) => [entry.move.locator],
  originDutyLocation: (entry) => [entry.originName],
  counselingOffice: (entry) => [entry.counselingOffice],
  assignedTo: (entry) => [entry.assignedLastName],
  requestedMoveDate: (entry) => [entry.earliestRequested],
  appearedInTooAt: (entry) => [entry.lastSentToToo],
  // Not a column the SQL knows: it falls through to the move's id.
  destinationDutyLocation: (entry) => [entry.move.id],
};

// Postgres puts NULL last in ascending order and first in descending order.
function compareKeys(a: Key, b: Key, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1 * direction;
  if (b === null) return -1 * direction;
  return (a < b ? -1 : 1) * direction;
}

let cache: { revision: number; entries: Entry[]; sorted: Map<string, Entry[]> } | undefined;

function sortedEntries(sort: Sort | 'default', descending: boolean): Entry[] {
  if (cache?.revision !== db.revision()) {
    cache = { revision: db.revision(), entries: entries(), sorted: new Map() };
  }
  const key = `${sort} ${descending}`;
  let sorted = cache.sorted.get(key);
  if (!sorted) {
    const keyOf = SORT_KEYS[sort];
    const direction = descending ? -1 : 1;
    sorted = cache.entries
      .map((entry) => ({ entry, keys: keyOf(entry) }))
      .sort((a, b) => {
        for (let index = 0; index < a.keys.length; index++) {
          const order = compareKeys(a.keys[index], b.keys[index], direction);
          if (order !== 0) return order;
        }
        return a.entry.move.locator < b.entry.move.locator ? -1 : 1;
      })
      .map(({ entry }) => entry);
    cache.sorted.set(key, sorted);
  }
  return sorted;
}

/** What Postgres's ::DATE reads: a day first, then anything a timestamp may add. */
function readsAsDate(value: string): boolean {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value);
  if (!day) return false;
  const date = new Date(`${day[1]}-${day[2]}-${day[3]}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value.slice(0, 10));
}

/** ILIKE '%value%'. */
const contains = (text: string | null, value: string) =>
  text !== null && text.toLowerCase().includes(value.toLowerCase());

function filterOf(query: Query): (entry: Entry) => boolean {
  const statuses: readonly string[] = query.status ?? DEFAULT_STATUSES;
  const requested = query.requestedMoveDate?.slice(0, 10);
  const appeared = query.appearedInTooAt?.slice(0, 10);
  // The values are joined with a space, then matched as one.
  const origin = query.originDutyLocation?.join(' ');
  return (entry) =>
    statuses.includes(entry.move.status) &&
    (query.customerName === undefined ||
      entry.customerNames.some((name) => contains(name, query.customerName ?? ''))) &&
    (query.edipi === undefined || contains(entry.customer.edipi, query.edipi)) &&
    (query.emplid === undefined || contains(entry.customer.emplid, query.emplid)) &&
    (query.locator === undefined || contains(entry.move.locator, query.locator)) &&
    (query.branch === undefined || contains(entry.affiliation, query.branch)) &&
    (query.counselingOffice === undefined ||
      contains(entry.counselingOffice, query.counselingOffice)) &&
    (query.assignedTo === undefined ||
      entry.assignedNames.some((name) => contains(name, query.assignedTo ?? ''))) &&
    (origin === undefined || contains(entry.originName, origin)) &&
    (requested === undefined || entry.requestedDates.includes(requested)) &&
    (appeared === undefined || entry.sentToTooDays.includes(appeared));
}

/** The queue releases every lock its reader holds; a lock is no save, so no eTag changes. */
function releaseLocks(): void {
  for (const move of db.all('move')) {
    if (move.lockedByOfficeUserId === SIGNED_IN_USER.id) {
      db.touch('move', move.id, { lockedByOfficeUserId: null, lockExpiresAt: null });
    }
  }
}

export const queuesHandlers = [
  operation({
    method: 'get',
    path: '/queues/moves',
    operationId: 'getMovesQueue',
    // The generated binder reads the parameters in the order of their names.
    bindOrder: [
      'appearedInTooAt',
      'assignedTo',
      'branch',
      'counselingOffice',
      'customerName',
      'edipi',
      'emplid',
      'locator',
      'order',
      'originDutyLocation',
      'page',
      'perPage',
      'requestedMoveDate',
      'sort',
      'status',
    ],
    handle({ query: bound }) {
      const query = bound as Query;
      // The SQL casts the requested date: one it cannot read fails the query.
      if (query.requestedMoveDate !== undefined && !readsAsDate(query.requestedMoveDate)) {
        return noBody(500);
      }
      releaseLocks();
      // The handler echoes what it was sent (1 and 20 when nothing); the SQL
      // pages from 1 and 20 rows when sent less.
      const askedPage = query.page ?? 1;
      const askedPerPage = query.perPage ?? 20;
      const page = askedPage >= 1 ? askedPage : 1;
      const perPage = askedPerPage >= 1 ? askedPerPage : 20;
      const rows = sortedEntries(query.sort ?? 'default', query.order === 'desc').filter(
        filterOf(query),
      );
      const start = (page - 1) * perPage;
      // Only the page's rows are built: a long queue is mostly never shown.
      const queueMoves = rows.slice(start, start + perPage).map(payloads.queueMove);
      // The count comes with the page's rows, so a page past the end has
      // none; empty lists and zero values are left out, as the server prints them.
      return ok({
        page: askedPage || undefined,
        perPage: askedPerPage || undefined,
        totalCount: queueMoves.length > 0 ? rows.length : undefined,
        queueMoves: queueMoves.length ? queueMoves : undefined,
      } satisfies Schemas['QueueMovesResult']);
    },
  }),
];
