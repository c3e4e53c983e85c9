import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { addHistoryEntry } from '../../app/history';
import type { MoveStatus } from '../../api/models';
import type { QueueQuery } from '../../entities/queue/queueSlice';

export type SortKey = NonNullable<QueueQuery['sort']>;

export interface QueueView {
  page: number;
  sort: SortKey;
  order: 'asc' | 'desc';
  /** Filters; '' means none. */
  locator: string;
  customerName: string;
  status: MoveStatus | '';
}

export const SORT_KEYS: SortKey[] = [
  'locator',
  'customerName',
  'status',
  'availableToPrimeAt',
  'requestedMoveDate',
];

export const MOVE_STATUSES: MoveStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'APPROVALS REQUESTED',
  'APPROVED',
  'CANCELED',
];

/** Rows per page of the queue. */
export const PER_PAGE = 20;

/** The query the server pages, sorts and filters by: empty filters are left out. */
export function toQuery(view: QueueView): QueueQuery {
  return {
    page: view.page,
    perPage: PER_PAGE,
    sort: view.sort,
    order: view.order,
    ...(view.locator && { locator: view.locator }),
    ...(view.customerName && { customerName: view.customerName }),
    ...(view.status && { status: view.status }),
  };
}

/** A change to the view, or a function of the current view giving one. */
export type QueueViewChange = Partial<QueueView> | ((view: QueueView) => Partial<QueueView>);

/** The view a URL's search parameters name; anything unknown or missing is the default. */
export function viewOf(params: URLSearchParams): QueueView {
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    sort: SORT_KEYS.find((key) => key === params.get('sort')) ?? 'locator',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    locator: params.get('locator') ?? '',
    customerName: params.get('customerName') ?? '',
    status: MOVE_STATUSES.find((status) => status === params.get('status')) ?? '',
  };
}

/** The URL's search parameters for a view; empty filters are left out. */
function searchOf(view: QueueView): string {
  return new URLSearchParams(
    Object.entries(view)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => [name, String(value)]),
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
