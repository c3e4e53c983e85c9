import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
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

/** The query the server pages, sorts and filters by: empty filters are left out. */
export function toQuery(view: QueueView, perPage: number): QueueQuery {
  return {
    page: view.page,
    perPage,
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
function viewOf(params: URLSearchParams): QueueView {
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
 * The queue's page, sort, order and filters live in the URL, so a reload or a
 * shared link shows the same page of the queue. The update function never
 * changes and applies a change to the view as it is when called, so the
 * controls given it need not re-render when the view changes.
 */
export function useQueueView(): [QueueView, (change: QueueViewChange) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const view = useMemo(() => viewOf(params), [params]);
  const current = useRef(view);
  useLayoutEffect(() => {
    current.current = view;
  }, [view]);
  const update = useCallback(
    (change: QueueViewChange) => {
      const next = {
        ...current.current,
        ...(typeof change === 'function' ? change(current.current) : change),
      };
      // The view asked for already: no second history entry for it.
      if (searchOf(next) === searchOf(current.current)) return;
      navigate({ search: `?${searchOf(next)}` });
    },
    [navigate],
  );
  return [view, update];
}
