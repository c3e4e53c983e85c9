import { useEffect, useMemo, useState } from 'react';
import { Button, Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { onServerMayHaveChanged } from '../../app/serverChanges';
import { AlertSlot } from '../../components/AlertSlot';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDate, formatMoveStatus } from '../../components/format';
import { Loading } from '../../components/Loading';
import {
  getMovesQueue,
  queueQueryKey,
  selectQueueMoves,
  selectQueueAnswered,
  selectQueueTotalCount,
  type QueueQuery,
} from '../../entities/queue/queueSlice';
import { QueueFilters } from './QueueFilters';
import { toQuery, useQueueView, type SortKey } from './useQueueView';

const PER_PAGE = 20;

const columns: { key: SortKey | null; label: string }[] = [
  { key: 'locator', label: 'Move code' },
  { key: 'customerName', label: 'Customer name' },
  { key: null, label: 'DoD ID' },
  { key: 'status', label: 'Status' },
  { key: 'availableToPrimeAt', label: 'Available to Prime' },
  { key: 'requestedMoveDate', label: 'Requested move date' },
  { key: null, label: 'Origin duty location' },
];

export function MovesQueue() {
  const dispatch = useAppDispatch();
  const moves = useAppSelector(selectQueueMoves);
  const totalCount = useAppSelector(selectQueueTotalCount);
  const answered = useAppSelector(selectQueueAnswered);
  const [view, updateQuery] = useQueueView();
  const { page, sort, order } = view;
  // The table is loading until its rows answer the current query.
  const key = queueQueryKey(toQuery(view, PER_PAGE));
  const loading = answered?.query !== key;
  const error = loading ? null : answered.error;

  // Rows are summaries: when the server may have changed, just fetch them again.
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => onServerMayHaveChanged(() => setRefreshes((count) => count + 1)), []);

  useEffect(() => {
    dispatch(getMovesQueue(JSON.parse(key) as QueueQuery));
  }, [dispatch, key, refreshes]);

  const pageCount = Math.max(1, Math.ceil(totalCount / PER_PAGE));
  // The rows change only with the answer, not while the next one loads.
  const rows = useMemo(
    () =>
      moves.map((move) => (
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
          <td>{move.availableToPrimeAt ? `Yes, ${formatDate(move.availableToPrimeAt)}` : 'No'}</td>
          <td>{formatDate(move.requestedMoveDate)}</td>
          <td>{move.originDutyLocation}</td>
        </tr>
      )),
    [moves],
  );

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Moves queue</h1>
      <QueueFilters applied={view} onApply={(filters) => updateQuery({ ...filters, page: 1 })} />
      <AlertSlot>
        {error && <ApiErrorAlert error={error} record="queue" headingLevel="h2" />}
      </AlertSlot>
      {/* Always on the page: a live region present before its text changes is
          announced reliably, and the table below does not jump as it comes and goes. */}
      <Loading label={loading ? 'Loading moves…' : ''} />
      <Table
        fullWidth
        striped
        className="queue-table"
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
        <tbody aria-busy={loading}>{rows}</tbody>
      </Table>
      {!loading && moves.length === 0 && <p>No moves match these filters.</p>}
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
