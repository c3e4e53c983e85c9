import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { addHistoryEntry } from './history';
import { QUEUE_SORTS, QUEUE_STATUSES, type Affiliation } from '../../api/models';
import { BRANCH_LABELS } from '../../components/labels';
import type { QueueQuery } from '../../entities/queue/queueApi';

export type SortKey = NonNullable<QueueQuery['sort']>;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueView {
  page: number;
  sort: SortKey;
  order: 'asc' | 'desc';
  /** Filters; '' (or none) means none. */
  locator: string;
  customerName: string;
  edipi: string;
  branch: Affiliation | '';
  originDutyLocation: string;
  /** Days, YYYY-MM-DD. */
  requestedMoveDate: string;
  appearedInTooAt: string;
  status: QueueStatus[];
}

export type Filters = Omit<QueueView, 'page' | 'sort' | 'order'>;

export const NO_FILTERS: Filters = {
  locator: '',
  customerName: '',
  edipi: '',
  branch: '',
  originDutyLocation: '',
  requestedMoveDate: '',
  appearedInTooAt: '',
  status: [],
};

/** The view the queue opens on, as MilMove's: by status, descending (waiting for approvals first). */
export const DEFAULT_SORT = { sort: 'status', order: 'desc' } as const satisfies Partial<QueueView>;

/** Rows per page of the queue. */
export const PER_PAGE = 20;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query the server pages, sorts and filters by: empty filters are left out. */
export function toQuery(view: QueueView): QueueQuery {
  return {
    page: view.page,
    perPage: PER_PAGE,
    sort: view.sort,
    order: view.order,
    ...(view.locator && { locator: view.locator }),
    ...(view.customerName && { customerName: view.customerName }),
    ...(view.edipi && { edipi: view.edipi }),
    ...(view.branch && { branch: view.branch }),
    ...(view.originDutyLocation && { originDutyLocation: [view.originDutyLocation] }),
    ...(view.requestedMoveDate && { requestedMoveDate: view.requestedMoveDate }),
    // A date-time, as the office app sends it; the server compares the day.
    ...(view.appearedInTooAt && { appearedInTooAt: `${view.appearedInTooAt}T00:00:00Z` }),
    // One comma-separated value, as the office app sends it.
    ...(view.status.length > 0 && { status: view.status }),
  };
}

/** A change to the view, or a function of the current view giving one. */
export type QueueViewChange = Partial<QueueView> | ((view: QueueView) => Partial<QueueView>);

const isSort = (value: string | null): value is SortKey =>
  value !== null && (QUEUE_SORTS as readonly string[]).includes(value);
const isBranch = (value: string | null): value is Affiliation =>
  value !== null && Object.hasOwn(BRANCH_LABELS, value);
const day = (value: string | null) => (value && DAY.test(value) ? value : '');

/** The view a URL's search parameters name; anything unknown or missing is the default. */
export function viewOf(params: URLSearchParams): QueueView {
  const sort = params.get('sort');
  const statuses = (params.get('status') ?? '').split(',');
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    sort: isSort(sort) ? sort : DEFAULT_SORT.sort,
    order: isSort(sort) ? (params.get('order') === 'desc' ? 'desc' : 'asc') : DEFAULT_SORT.order,
    locator: params.get('locator') ?? '',
    customerName: params.get('customerName') ?? '',
    edipi: params.get('edipi') ?? '',
    branch: isBranch(params.get('branch')) ? (params.get('branch') as Affiliation) : '',
    originDutyLocation: params.get('originDutyLocation') ?? '',
    requestedMoveDate: day(params.get('requestedMoveDate')),
    appearedInTooAt: day(params.get('appearedInTooAt')),
    status: QUEUE_STATUSES.filter((status) => statuses.includes(status)),
  };
}

/** The URL's search parameters for a view; empty filters are left out. */
function searchOf(view: QueueView): string {
  return new URLSearchParams(
    Object.entries(view)
      .map(([name, value]): [string, string] => [
        name,
        Array.isArray(value) ? value.join(',') : String(value),
      ])
      .filter(([, value]) => value !== ''),
  ).toString();
}

/**
 * The queue's page, sort, order and filters live in the URL, so Back and
 * Forward step through them and a reload or a shared link shows the same
 * view. `ask` is called with each view the queue should show: the URL's on
 * arrival and whenever the router moves (Back, Forward, a link), and the view
 * a control changes to. A control's change adds a history entry and asks at
 * once, with no render: nothing on screen changes until the answer does.
 * `ask` should never change (a useCallback), so that `update` does not.
 *
 * Returns the URL's view as the router last had it, a new object each time
 * the router moves (for the filter form to start from); `update`, which
 * applies a change to the view last asked for, so a second click
 * before an answer moves on from the first; and `askAgain`, for when the
 * server may have changed.
 */
export function useQueueView(ask: (view: QueueView) => void): {
  urlView: QueueView;
  update: (change: QueueViewChange) => void;
  askAgain: () => void;
} {
  const location = useLocation();
  const urlView = useMemo(() => viewOf(new URLSearchParams(location.search)), [location]);
  const asked = useRef<QueueView | null>(null);

  // On arrival, and each time the router moves (a new location object, even
  // back to the same address): the URL's view, unless it is the one asked for.
  useEffect(() => {
    if (asked.current && searchOf(urlView) === searchOf(asked.current)) return;
    asked.current = urlView;
    ask(urlView);
  }, [urlView, ask]);

  const update = useCallback(
    (change: QueueViewChange) => {
      const current = asked.current;
      if (!current) return;
      const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
      // The view asked for already: no second history entry for it.
      if (searchOf(next) === searchOf(current)) return;
      asked.current = next;
      addHistoryEntry(searchOf(next));
      ask(next);
    },
    [ask],
  );

  const askAgain = useCallback(() => {
    if (asked.current) ask(asked.current);
  }, [ask]);

  return { urlView, update, askAgain };
}
