import { memo, useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import { Button, Table } from '@trussworks/react-uswds';
import { useNavigate } from 'react-router';
import { useAppDispatch } from '../../app/hooks';
import { preloadCustomerDetailsPageWhenIdle } from '../CustomerDetails/pageChunk';
import { onServerMayHaveChanged } from '../../app/serverChanges';
import { detailsPath, startLoadingMoveDetails } from '../CustomerDetails/route';
import { usePageTitle } from '../../components/usePageTitle';
import { AlertSlot } from '../../components/AlertSlot';
import { ApiErrorAlert } from '../../writes/ui/ApiErrorAlert';
import type { Affiliation } from '../../api/models';
import { formatDate, formatName } from '../../components/format';
import { formatServerDates } from '../../writes/dates';
import { BRANCH_LABELS, labelOf, MOVE_STATUS_LABELS } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { QueueFilters } from './QueueFilters';
import { useQueueRows } from './useQueueRows';
import {
  PER_PAGE,
  useQueueView,
  type Filters,
  type QueueViewChange,
  type SortKey,
} from './useQueueView';

// MilMove's TOO queue's columns, the move code first: it is the row's link.
const columns: { key: SortKey | null; label: string }[] = [
  { key: 'locator', label: 'Move code' },
  { key: 'customerName', label: 'Customer name' },
  { key: 'edipi', label: 'DoD ID' },
  { key: 'status', label: 'Status' },
  { key: 'requestedMoveDate', label: 'Requested move date' },
  { key: 'appearedInTooAt', label: 'Date submitted' },
  { key: 'branch', label: 'Branch' },
  { key: null, label: 'Shipments' },
  { key: 'originDutyLocation', label: 'Origin duty location' },
];

// The parts below take only what they show and functions that never change,
// so a click re-renders none of them until its answer changes what they show.

interface QueueHeaderProps {
  /** The sort of the rows on screen. */
  sort: SortKey | undefined;
  order: 'asc' | 'desc' | undefined;
  onChange: (change: QueueViewChange) => void;
}

/** USWDS 3's sort icon, as its table script draws it: the arrow of the column's order, or both. */
const SORT_ARROW =
  'M17 17L15.59 15.59L12.9999 18.17V2H10.9999V18.17L8.41 15.58L7 17L11.9999 22L17 17Z';
function SortIcon() {
  return (
    <svg
      className="usa-icon"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <g className="descending" fill="transparent">
        <path d={SORT_ARROW} />
      </g>
      <g className="ascending" fill="transparent">
        <path transform="rotate(180, 12, 12)" d={SORT_ARROW} />
      </g>
      <g className="unsorted" fill="transparent">
        <polygon points="15.17 15 13 17.17 13 6.83 15.17 9 16.58 7.59 12 3 7.41 7.59 8.83 9 11 6.83 11 17.17 8.83 15 7.42 16.41 12 21 16.59 16.41 15.17 15" />
      </g>
    </svg>
  );
}

// USWDS's sortable table markup (th[data-sortable], aria-sort on the sorted
// column only, the header button and its icon), with the sorting done by the
// server: its script, which sorts the rows on the page, is not loaded. The
// header is named by its column alone, so each cell is announced under it;
// the button says what pressing it does.
const QueueHeader = memo(function QueueHeader({ sort, order, onChange }: QueueHeaderProps) {
  return (
    <thead>
      <tr>
        {columns.map(({ key, label }) => {
          if (!key) {
            return (
              <th key={label} scope="col">
                {label}
              </th>
            );
          }
          const sorted = key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
          const next = sorted === 'ascending' ? 'desc' : 'asc';
          return (
            <th key={label} scope="col" data-sortable aria-sort={sorted} aria-label={label}>
              {label}
              <button
                type="button"
                className="usa-table__header__button"
                title={`Click to sort by ${label} in ${next === 'asc' ? 'ascending' : 'descending'} order`}
                onClick={() =>
                  onChange((view) => ({
                    sort: key,
                    order: key === view.sort && view.order === 'asc' ? 'desc' : 'asc',
                    page: 1,
                  }))
                }
              >
                <SortIcon />
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});

interface QueuePagerProps {
  /** The page of the rows on screen. */
  shownPage: number;
  /** How many pages there are; null until an answer tells. */
  pageCount: number | null;
  busy: boolean;
  onChange: (change: QueueViewChange) => void;
}

// The buttons follow the page on screen, like the rest of the table: a
// click changes nothing on screen until its answer. A click before then
// moves on from the page asked for, within the pages there are. A button
// that cannot be used says so (aria-disabled) but keeps its focus: with
// `disabled`, the keyboard user who pages to the last page would be left
// on the page's body.
const QueuePager = memo(function QueuePager({
  shownPage,
  pageCount,
  busy,
  onChange,
}: QueuePagerProps) {
  const atFirst = busy || shownPage <= 1;
  const atLast = busy || pageCount === null || shownPage >= pageCount;
  return (
    <nav aria-label="Queue pages" className="display-flex flex-align-center">
      <Button
        type="button"
        outline
        aria-disabled={atFirst}
        onClick={() => {
          if (!atFirst) onChange((view) => ({ page: Math.max(1, view.page - 1) }));
        }}
      >
        Previous page
      </Button>
      <span className="margin-x-2">
        {pageCount === null ? `Page ${shownPage}` : `Page ${shownPage} of ${pageCount}`}
      </span>
      <Button
        type="button"
        outline
        aria-disabled={atLast}
        onClick={() => {
          if (!atLast && pageCount !== null) {
            onChange((view) => ({ page: Math.min(pageCount, view.page + 1) }));
          }
        }}
      >
        Next page
      </Button>
    </nav>
  );
});

export function MovesQueue() {
  usePageTitle('Moves queue');
  const dispatch = useAppDispatch();
  // Asking renders nothing: the table keeps describing the rows it shows
  // (their page, sort and filters are the query they answer, `shown`), so a
  // quick answer changes the screen once, in one frame.
  const { rows: moves, totalCount, shown, error, loading: showLoading, ask } = useQueueRows();
  const navigate = useNavigate();
  // The rows' links are plain anchors (a router Link per row costs a
  // component and its hooks on every page); a plain click on one opens the
  // move in the app, while a modified click (new tab) is the browser's. The
  // move's load starts with the click, before its page renders, by the ids
  // its row shows.
  const openMoveLink = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      const href = event.currentTarget.getAttribute('href') ?? '/';
      const row = moves.find((move) => detailsPath(move.locator) === href);
      if (row) {
        const customerID = row.customer?.id;
        const hints = customerID ? { moveTaskOrderID: row.id, customerID } : undefined;
        startLoadingMoveDetails(dispatch, row.locator, hints);
      }
      navigate(href);
    },
    [dispatch, navigate, moves],
  );

  const { urlView, update, askAgain } = useQueueView(ask);
  // Rows are summaries: when the server may have changed, just fetch them again.
  useEffect(() => onServerMayHaveChanged(askAgain), [askAgain]);

  // Each row links to a move: once there are rows, the details page's code
  // comes while the browser is idle.
  const hasAnswer = shown !== null;
  useEffect(() => (hasAnswer ? preloadCustomerDetailsPageWhenIdle() : undefined), [hasAnswer]);

  // The filter form starts from the URL's filters, and again each time the
  // router moves (Back, Forward): a new object then, even for the same ones.
  const urlFilters = useMemo((): Filters => {
    const { page: _page, sort: _sort, order: _order, ...filters } = urlView;
    return filters;
  }, [urlView]);
  const applyFilters = useCallback((filters: Filters) => update({ ...filters, page: 1 }), [update]);

  const pageCount = Math.max(1, Math.ceil(totalCount / PER_PAGE));
  const sortedBy = shown?.sort ?? urlView.sort;
  // The rows change only with the answer, not while the next one loads.
  const rows = useMemo(() => {
    // The sorted column's cells, as USWDS's table script marks them (its highlight).
    const active = (key: SortKey) => (key === sortedBy ? true : undefined);
    return (
      // Keyed by position: the rows hold no state, so a new page rewrites the
      // text of the rows on screen instead of building new ones.
      moves.map((move, index) => (
        <tr key={index}>
          <th scope="row" data-sort-active={active('locator')}>
            <a className="usa-link" href={detailsPath(move.locator)} onClick={openMoveLink}>
              {move.locator}
            </a>
          </th>
          {/* Server text in a capped box: a value with no space breaks there
              instead of widening the table (index.css, .cell-text). */}
          <td data-sort-active={active('customerName')}>
            <span className="cell-text">{move.customer ? formatName(move.customer) : ''}</span>
          </td>
          <td data-sort-active={active('edipi')}>{move.customer?.edipi}</td>
          <td data-sort-active={active('status')}>{labelOf(MOVE_STATUS_LABELS, move.status)}</td>
          <td data-sort-active={active('requestedMoveDate')}>
            {move.requestedMoveDates
              ? formatServerDates(move.requestedMoveDates)
              : formatDate(move.requestedMoveDate)}
          </td>
          <td data-sort-active={active('appearedInTooAt')}>{formatDate(move.appearedInTooAt)}</td>
          <td data-sort-active={active('branch')}>
            {labelOf(BRANCH_LABELS, move.customer?.agency as Affiliation | undefined)}
          </td>
          <td>{move.shipmentsCount ?? 0}</td>
          <td data-sort-active={active('originDutyLocation')}>
            <span className="cell-text">{move.originDutyLocation?.name}</span>
          </td>
        </tr>
      ))
    );
  }, [moves, openMoveLink, sortedBy]);
  const shownPage = shown?.page ?? urlView.page;

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Moves queue</h1>
      <QueueFilters applied={urlFilters} onApply={applyFilters} />
      <AlertSlot>
        {error && <ApiErrorAlert error={error} record="queue" headingLevel="h2" />}
      </AlertSlot>
      {/* Always on the page: a live region present before its text changes is
          announced reliably, and the table below does not jump as it comes and goes. */}
      <Loading label={showLoading ? 'Loading moves…' : ''} />
      {/* Wider than a narrow window: the table scrolls inside this region,
          which a keyboard user can focus and scroll; the page does not. */}
      <div
        className="queue-table-box"
        role="region"
        aria-label="Moves table, scrolls sideways on narrow screens"
        // A region that scrolls must take the focus, or a keyboard user
        // cannot scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <Table
          fullWidth
          striped
          className="queue-table"
          // The count once an answer tells it, never a "0 moves" before.
          caption={
            hasAnswer
              ? `${totalCount} ${totalCount === 1 ? 'move' : 'moves'}, page ${shownPage} of ${pageCount}`
              : 'Moves'
          }
        >
          <QueueHeader sort={sortedBy} order={shown?.order ?? urlView.order} onChange={update} />
          <tbody aria-busy={showLoading}>{rows}</tbody>
        </Table>
      </div>
      {hasAnswer && !error && moves.length === 0 && <p>No moves match these filters.</p>}
      <QueuePager
        shownPage={shownPage}
        pageCount={hasAnswer ? pageCount : null}
        busy={showLoading}
        onChange={update}
      />
    </section>
  );
}
