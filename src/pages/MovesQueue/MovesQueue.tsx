import { useEffect, useState } from 'react';
import { Button, Table } from '@trussworks/react-uswds';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../../api/ApiError';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { onServerMayHaveChanged } from '../../app/serverChanges';
import { AlertSlot } from '../../components/AlertSlot';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDate, formatMoveStatus } from '../../components/format';
import { Loading } from '../../components/Loading';
import {
  getMovesQueue,
  selectQueueMoves,
  selectQueuePage,
  type QueueQuery,
} from '../../entities/queue/queueSlice';

const PER_PAGE = 20;

type SortKey = NonNullable<QueueQuery['sort']>;
type QueueView = Required<Pick<QueueQuery, 'page' | 'sort' | 'order'>>;

const columns: { key: SortKey | null; label: string }[] = [
  { key: 'locator', label: 'Move code' },
  { key: 'customerName', label: 'Customer name' },
  { key: null, label: 'DoD ID' },
  { key: 'status', label: 'Status' },
  { key: 'availableToPrimeAt', label: 'Available to Prime' },
  { key: 'requestedMoveDate', label: 'Requested move date' },
  { key: null, label: 'Origin duty location' },
];

const sortKeys = columns.flatMap(({ key }) => (key ? [key] : []));

// The page, sort and order live in the URL, so a reload or a shared link
// shows the same page of the queue.
function useQueueView(): [QueueView, (change: Partial<QueueView>) => void] {
  const [params, setParams] = useSearchParams();
  const query: QueueView = {
    page: Math.max(1, Number(params.get('page')) || 1),
    sort: sortKeys.find((key) => key === params.get('sort')) ?? 'locator',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  const update = (change: Partial<QueueView>) => {
    const next = { ...query, ...change };
    setParams({ page: String(next.page), sort: String(next.sort), order: String(next.order) });
  };
  return [query, update];
}

export function MovesQueue() {
  const dispatch = useAppDispatch();
  const moves = useAppSelector(selectQueueMoves);
  const { totalCount } = useAppSelector(selectQueuePage);
  const [{ page, sort, order }, updateQuery] = useQueueView();
  // Which query the table shows the answer to; it is loading until that is
  // the current one.
  const key = `${page}|${sort}|${order}`;
  const [answered, setAnswered] = useState<{ key: string; error: ApiError | null } | null>(null);
  const loading = answered?.key !== key;
  const error = answered?.error ?? null;

  // Rows are summaries: when the server may have changed, just fetch them again.
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => onServerMayHaveChanged(() => setRefreshes((count) => count + 1)), []);

  useEffect(() => {
    let current = true;
    dispatch(getMovesQueue({ page, perPage: PER_PAGE, sort, order })).then((result) => {
      if (!current) return;
      setAnswered({
        key: `${page}|${sort}|${order}`,
        error: getMovesQueue.rejected.match(result) ? (result.payload ?? null) : null,
      });
    });
    return () => {
      current = false;
    };
  }, [dispatch, page, sort, order, refreshes]);

  const pageCount = Math.max(1, Math.ceil(totalCount / PER_PAGE));

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Moves queue</h1>
      <AlertSlot>
        {error && <ApiErrorAlert error={error} record="queue" headingLevel="h2" />}
      </AlertSlot>
      {loading && <Loading label="Loading moves…" />}
      <Table
        fullWidth
        striped
        caption={`${totalCount} ${totalCount === 1 ? 'move' : 'moves'}, page ${page} of ${pageCount}`}
      >
        <thead>
          <tr>
            {columns.map(({ key, label }) => (
              <th
                key={label}
                scope="col"
                aria-sort={
                  key && key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                {key ? (
                  <Button
                    type="button"
                    unstyled
                    onClick={() =>
                      updateQuery({
                        sort: key,
                        order: key === sort && order === 'asc' ? 'desc' : 'asc',
                        page: 1,
                      })
                    }
                  >
                    {label}
                  </Button>
                ) : (
                  label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody aria-busy={loading}>
          {moves.map((move) => (
            <tr key={move.id}>
              <th scope="row">
                <Link className="usa-link" to={`/moves/${move.locator}/details`}>
                  {move.locator}
                </Link>
              </th>
              <td>
                {move.customer.lastName}, {move.customer.firstName}
              </td>
              <td>{move.customer.edipi}</td>
              <td>{formatMoveStatus(move.status)}</td>
              <td>
                {move.availableToPrimeAt ? `Yes, ${formatDate(move.availableToPrimeAt)}` : 'No'}
              </td>
              <td>{formatDate(move.requestedMoveDate)}</td>
              <td>{move.originDutyLocation}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Queue pages" className="display-flex flex-align-center">
        <Button
          type="button"
          outline
          disabled={loading || page <= 1}
          onClick={() => updateQuery({ page: page - 1 })}
        >
          Previous page
        </Button>
        <span className="margin-x-2">
          Page {page} of {pageCount}
        </span>
        <Button
          type="button"
          outline
          disabled={loading || page >= pageCount}
          onClick={() => updateQuery({ page: page + 1 })}
        >
          Next page
        </Button>
      </nav>
    </section>
  );
}
