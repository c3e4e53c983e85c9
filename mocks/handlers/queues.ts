import { http, HttpResponse } from 'msw';
import type { operations } from '../../src/api/ghc';
import { db } from '../db';
import { API, problem, read } from '../http';
import type { Schemas } from '../records';

type QueueMove = Schemas['QueueMove'];
type Sort = NonNullable<NonNullable<operations['getMovesQueue']['parameters']['query']>['sort']>;

const SORT_KEYS: Record<Sort, (row: QueueMove) => string | null> = {
  locator: (row) => row.locator,
  customerName: (row) => `${row.customer.lastName}, ${row.customer.firstName}`.toLowerCase(),
  status: (row) => row.status,
  availableToPrimeAt: (row) => row.availableToPrimeAt,
  requestedMoveDate: (row) => row.requestedMoveDate,
};

const STATUSES: readonly Schemas['MoveStatus'][] = [
  'DRAFT',
  'SUBMITTED',
  'APPROVALS REQUESTED',
  'APPROVED',
  'CANCELED',
];

const isSort = (value: string): value is Sort => Object.hasOwn(SORT_KEYS, value);

interface Query {
  page: number;
  perPage: number;
  sort: Sort;
  descending: boolean;
  locator: string;
  customerName: string;
  status: string;
}

function integer(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER) {
  if (value === null) return fallback;
  if (!/^[0-9]+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= max ? number : undefined;
}

/** Reads the query; answers the names of the malformed parameters instead. */
function parseQuery(search: URLSearchParams): Query | string[] {
  const page = integer(search.get('page'), 1);
  const perPage = integer(search.get('perPage'), 20, 100);
  const sort = search.get('sort') ?? 'locator';
  const order = search.get('order') ?? 'asc';
  const locator = search.get('locator') ?? '';
  const customerName = search.get('customerName') ?? '';
  const status = search.get('status') ?? '';
  const bad = [
    page === undefined && 'page (an integer from 1)',
    perPage === undefined && 'perPage (an integer from 1 to 100)',
    !isSort(sort) && `sort (one of ${Object.keys(SORT_KEYS).join(', ')})`,
    order !== 'asc' && order !== 'desc' && 'order (asc or desc)',
    locator.length > 6 && 'locator (at most 6 characters)',
    customerName.length > 100 && 'customerName (at most 100 characters)',
    status !== '' &&
      !(STATUSES as readonly string[]).includes(status) &&
      `status (one of ${STATUSES.join(', ')})`,
  ].filter((message): message is string => typeof message === 'string');
  if (bad.length > 0 || page === undefined || perPage === undefined || !isSort(sort)) return bad;
  return { page, perPage, sort, descending: order === 'desc', locator, customerName, status };
}

function matches(query: Query) {
  const locator = query.locator.toUpperCase();
  const name = query.customerName.toLowerCase();
  return (row: QueueMove) =>
    row.locator.startsWith(locator) &&
    (query.status === '' || row.status === query.status) &&
    (name === '' ||
      `${row.customer.firstName} ${row.customer.lastName}`.toLowerCase().includes(name) ||
      `${row.customer.lastName}, ${row.customer.firstName}`.toLowerCase().includes(name));
}

// Empty values (no availableToPrimeAt yet) sort last in either direction, and
// ties fall back to the locator, so paging is stable.
function sortRows(rows: readonly QueueMove[], query: Query): QueueMove[] {
  const keyOf = SORT_KEYS[query.sort];
  const direction = query.descending ? -1 : 1;
  return rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => {
      if (a.key !== b.key) {
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        return (a.key < b.key ? -1 : 1) * direction;
      }
      return a.row.locator < b.row.locator ? -1 : a.row.locator > b.row.locator ? 1 : 0;
    })
    .map(({ row }) => row);
}

// Every sort order of the queue asked for since the records last changed.
let sorted: { revision: number; orders: Map<string, QueueMove[]> } | undefined;

/** All of the queue's rows in the query's order (filtering keeps it). */
function sortedQueue(query: Query): readonly QueueMove[] {
  if (sorted?.revision !== db.revision()) sorted = { revision: db.revision(), orders: new Map() };
  const key = `${query.sort} ${query.descending ? 'desc' : 'asc'}`;
  let rows = sorted.orders.get(key);
  if (!rows) {
    rows = sortRows(db.queueMoves(), query);
    sorted.orders.set(key, rows);
  }
  return rows;
}

export const queuesHandlers = [
  http.get(
    `${API}/queues/moves`,
    read(({ request }) => {
      const query = parseQuery(new URL(request.url).searchParams);
      if (Array.isArray(query))
        return problem(400, `Malformed query parameters: ${query.join('; ')}.`);
      const rows = sortedQueue(query).filter(matches(query));
      const start = (query.page - 1) * query.perPage;
      const result: Schemas['QueueMovesResult'] = {
        page: query.page,
        perPage: query.perPage,
        totalCount: rows.length,
        queueMoves: rows.slice(start, start + query.perPage),
      };
      return HttpResponse.json(result);
    }),
  ),
];
