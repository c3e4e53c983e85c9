import { useSearchParams } from 'react-router';
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

/**
 * The queue's page, sort, order and filters live in the URL, so a reload or a
 * shared link shows the same page of the queue.
 */
export function useQueueView(): [QueueView, (change: Partial<QueueView>) => void] {
  const [params, setParams] = useSearchParams();
  const view: QueueView = {
    page: Math.max(1, Number(params.get('page')) || 1),
    sort: SORT_KEYS.find((key) => key === params.get('sort')) ?? 'locator',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    locator: params.get('locator') ?? '',
    customerName: params.get('customerName') ?? '',
    status: MOVE_STATUSES.find((status) => status === params.get('status')) ?? '',
  };
  const update = (change: Partial<QueueView>) => {
    const next = { ...view, ...change };
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, value]) => value !== '')
          .map(([name, value]) => [name, String(value)]),
      ),
    );
  };
  return [view, update];
}
