import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { noBody } from '../../../mocks/http';
import { server } from '../../../mocks/node';
import { dutyLocationById } from '../../../mocks/referenceData';
import { startLoadingEarly } from '../startLoadingEarly';
import { setupStore } from '../../app/store';
import { formatDate } from '../../components/format';
import { QUEUE_STATUSES } from '../../api/models';
import { BRANCH_LABELS } from '../../components/labels';
import { expectNoAxeViolations } from '../../test/axe';
import { findAlert } from '../../test/liveRegions';
import { seedQueueOf45 } from '../../test/queueSeed';
import { recordRequests, type RecordedRequest } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';
import { LOADING_DELAY_MS } from './useQueueRows';
import { moveHeading } from '../../test/submittedMove';

const QUEUE_PATH = '/ghc/v1/queues/moves';

/** The query strings of the queue requests the mock received, in order. */
const queueSearches = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.path === QUEUE_PATH).map((request) => request.search);

/** The query string of the queue's own first request: MilMove's status, descending. */
const FIRST_LOAD = '?page=1&perPage=20&sort=status&order=desc';

/** Holds the next queue request for `ms`, then lets the mock answer it as usual. */
function slowDownNextQueueAnswer(ms: number) {
  server.use(
    http.get(
      `*${QUEUE_PATH}`,
      async () => {
        await delay(ms);
      },
      { once: true },
    ),
  );
}

/** How long a quick answer takes here: within LOADING_DELAY_MS, as a server nearby answers. */
const QUICK_ANSWER_MS = 100;

/** Holds the next queue request until `release()`, then lets the mock answer it as usual. */
function holdNextQueueAnswer() {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get(
      `*${QUEUE_PATH}`,
      async () => {
        await held;
      },
      { once: true },
    ),
  );
  return { release };
}

/** Opens the queue at `path` over 45 moves (three pages), once it shows its page. */
async function openQueueOf45(path = '/') {
  seedQueueOf45();
  const view = renderRoute(path);
  const page = new URLSearchParams(path.split('?')[1]).get('page') ?? '1';
  await screen.findByText(`45 moves, page ${page} of 3`);
  return view;
}

/** Whether a paging button says it can be used (aria-disabled; it keeps its focus). */
function expectUsable(name: 'Previous page' | 'Next page', usable: boolean) {
  expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', String(!usable));
}

const table = () => screen.getByRole('table');
/** The move codes of the rows on screen, in order. */
const shownLocators = () =>
  within(table())
    .queryAllByRole('link')
    .map((link) => link.textContent);
/** A field of the filter form, by its label (a column's header is named the same). */
const filterField = (label: string) =>
  within(screen.getByRole('form', { name: 'Filter moves' })).getByLabelText(label);
/** The button in a sortable column's header, whichever order it offers. */
const sortButton = (column: string) =>
  within(screen.getByRole('columnheader', { name: column })).getByRole('button', {
    name: new RegExp(`^Click to sort by ${column} in (ascending|descending) order$`),
  });
const rowOf = (locator: string) => screen.getByRole('row', { name: new RegExp(`^${locator} `) });
/** What each column shows for the rows on screen, by the column's header. */
function shownColumn(header: string): string[] {
  const headers = within(table())
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent);
  const index = headers.indexOf(header) - 1; // the move code is the row's header, not a cell
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index].textContent ?? '');
}

/**
 * The moves the TOO's queue lists, with what the server filters and sorts
 * them by (GHC.md, "getMovesQueue in detail"), read from the mock's rows: in
 * the seed, every move in a queue status waits for the TOO.
 */
function queuedMoves() {
  return db
    .all('move')
    .filter((move) => (QUEUE_STATUSES as readonly string[]).includes(move.status))
    .map((move) => {
      const order = db.find('order', move.ordersId)!;
      const customer = db.find('customer', order.serviceMemberId)!;
      const shipments = db.shipmentsOf(move.id);
      const sent = [move.submittedAt, move.serviceCounselingCompletedAt, move.approvalsRequestedAt]
        .filter((at): at is string => at !== null)
        .sort();
      return {
        move,
        customer,
        shipments,
        origin: dutyLocationById(order.originDutyLocationId)!.name,
        names: [
          `${customer.firstName} ${customer.lastName}`,
          `${customer.lastName} ${customer.firstName}`,
          `${customer.lastName}, ${customer.firstName}`,
        ],
        // A requested pickup, or an NTS release's requested delivery.
        requestedDays: shipments.flatMap((shipment) => [
          shipment.requestedPickupDate,
          ...(shipment.shipmentType === 'HHG_OUTOF_NTS' ? [shipment.requestedDeliveryDate] : []),
        ]),
        earliestRequested: shipments
          .flatMap((shipment) => [shipment.requestedPickupDate, shipment.requestedDeliveryDate])
          .filter((day): day is string => day !== null)
          .sort()[0],
        sentDays: sent.map((at) => at.slice(0, 10)),
        lastSent: sent[sent.length - 1],
      };
    });
}
type Queued = ReturnType<typeof queuedMoves>[number];

const contains = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());

/** The server's rank of each status for sort=status. */
const STATUS_RANK: Record<string, number> = {
  'SERVICE COUNSELING COMPLETED': 1,
  SUBMITTED: 2,
  'APPROVALS REQUESTED': 4,
};

/** The move codes in the server's order for a sort: by its keys, then the move code ascending. */
function inOrder(moves: Queued[], keysOf: (queued: Queued) => (string | number)[], desc: boolean) {
  const direction = desc ? -1 : 1;
  return [...moves]
    .sort((a, b) => {
      const [keysA, keysB] = [keysOf(a), keysOf(b)];
      for (let index = 0; index < keysA.length; index++) {
        if (keysA[index] !== keysB[index])
          return (keysA[index] < keysB[index] ? -1 : 1) * direction;
      }
      return a.move.locator < b.move.locator ? -1 : 1;
    })
    .map((queued) => queued.move.locator);
}

describe('moves queue', () => {
  it('lists the moves waiting for the TOO, approvals requested first, as MilMove’s queue shows them', async () => {
    const requests = recordRequests();
    const { user, location } = renderRoute('/');

    const link = await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    // The first load asks as MilMove's office app does: by status, descending.
    expect(queueSearches(requests)).toEqual([FIRST_LOAD]);
    const queued = queuedMoves();
    expect(screen.getByText(`${queued.length} moves, page 1 of 1`)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Status' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    // Approvals requested, then new moves, then counseled ones.
    expect(shownLocators()).toEqual(
      inOrder(queued, (each) => [STATUS_RANK[each.move.status]], true),
    );
    // An approved move is not the TOO's to act on.
    expect(
      screen.queryByRole('link', { name: SEED_LOCATORS.availableToPrime }),
    ).not.toBeInTheDocument();

    const submitted = queued.find((each) => each.move.locator === SEED_LOCATORS.submitted)!;
    const { customer } = submitted;
    expect(
      within(rowOf(SEED_LOCATORS.submitted))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      `${customer.lastName}, ${customer.firstName}`,
      customer.edipi,
      'New move',
      submitted.shipments
        .map((shipment) => shipment.requestedPickupDate!)
        .sort()
        // The server's list ("Dec 28 2026, …") written as the page writes dates.
        .map((day) => formatDate(day))
        .join(', '),
      formatDate(submitted.move.submittedAt),
      BRANCH_LABELS[customer.affiliation],
      '3',
      submitted.origin,
    ]);
    expect(
      within(rowOf(SEED_LOCATORS.approvalsRequested)).getByText('Approvals requested'),
    ).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.click(link);
    expect(location.current?.pathname).toBe(`/moves/${SEED_LOCATORS.submitted}/details`);
    expect(
      await screen.findByRole('heading', { level: 1, name: moveHeading(SEED_LOCATORS.submitted) }),
    ).toBeInTheDocument();
    // The move's page names its status in the queue's words.
    const moveTaskOrder = await screen.findByRole('region', { name: 'Move task order' });
    const terms = within(moveTaskOrder)
      .getAllByRole('term')
      .map((term) => term.textContent);
    const definitions = within(moveTaskOrder).getAllByRole('definition');
    expect(definitions[terms.indexOf('Status')]).toHaveTextContent('New move');
  });

  it('asks again when the user comes back to it from a move, so what they did there shows', async () => {
    const requests = recordRequests();
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: SEED_LOCATORS.submitted }));
    // The user's own write: an approved move is no longer the TOO's to act on.
    await user.click(await screen.findByRole('button', { name: 'Send to Prime' }));
    await screen.findByText('Move approved', { selector: 'dd' });

    await user.click(screen.getByRole('link', { name: 'TOO office' }));

    expect(
      await screen.findByText(`${queuedMoves().length} moves, page 1 of 1`),
    ).toBeInTheDocument();
    expect(shownLocators()).not.toContain(SEED_LOCATORS.submitted);
    expect(queueSearches(requests)).toEqual([FIRST_LOAD, FIRST_LOAD]);
  });

  it('says a move opened from it is not found when the server no longer has it', async () => {
    const { user } = renderRoute('/');
    const link = await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    // Gone since the queue listed it.
    db.remove('move', db.moveByLocator(SEED_LOCATORS.submitted)!.id);

    await user.click(link);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Move ${SEED_LOCATORS.submitted} not found`,
      }),
    ).toBeInTheDocument();
  });

  it('shows the total and pages through it on the server, each move once', async () => {
    const requests = recordRequests();
    const { user } = await openQueueOf45();
    const seen = [...shownLocators()];

    expect(screen.getAllByRole('row')).toHaveLength(21);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    seen.push(...shownLocators());
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    seen.push(...shownLocators());
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expectUsable('Next page', false);

    expect(queueSearches(requests)).toEqual(
      [1, 2, 3].map((page) => `?page=${page}&perPage=20&sort=status&order=desc`),
    );
    expect(seen.sort()).toEqual(
      queuedMoves()
        .map((each) => each.move.locator)
        .sort(),
    );
  });

  it('tells no count before the first answer, then the count the answer tells', async () => {
    seedQueueOf45();
    const answer = holdNextQueueAnswer();
    renderRoute('/');

    // Loading: the table is named, but no "0 moves" and no "page 1 of 1".
    expect(await screen.findByRole('table', { name: 'Moves' })).toBeInTheDocument();
    expect(screen.queryByText(/\bmoves?, page\b/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Page \d+ of \d+$/)).not.toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    answer.release();
    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
  });

  it('keeps the rows and says nothing while a quick answer comes, then shows it', async () => {
    await openQueueOf45();
    const firstPage = shownLocators();
    const answer = holdNextQueueAnswer();

    // A click dispatched at once (user-event's own steps take time of their
    // own), so the watch below starts with the queue's LOADING_DELAY_MS and
    // ends before it, however busy the machine.
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));

    // While the answer is held, as long as a quick one takes: no loading
    // state, and the table still describes the rows it shows.
    await expect(
      screen.findByText('Loading moves…', undefined, { timeout: QUICK_ANSWER_MS }),
    ).rejects.toThrow();
    expect(screen.getByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(shownLocators()).toEqual(firstPage);
    const [, body] = within(table()).getAllByRole('rowgroup');
    expect(body).toHaveAttribute('aria-busy', 'false');
    expectUsable('Next page', true);

    answer.release();
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    expect(shownLocators()).not.toEqual(firstPage);
    expect(screen.queryByText('Loading moves…')).not.toBeInTheDocument();
  });

  it('keeps the paging buttons as the page on screen has them until the answer, within the pages there are', async () => {
    const { user } = await openQueueOf45('/?page=2');
    const previous = screen.getByRole('button', { name: 'Previous page' });
    slowDownNextQueueAnswer(60);

    await user.click(previous);
    // Nothing on screen changes before the answer, the button included.
    expect(previous).toHaveAttribute('aria-disabled', 'false');
    expect(screen.getByText('45 moves, page 2 of 3')).toBeInTheDocument();
    // A second click before then asks for no page before the first.
    await user.click(previous);
    expect(new URLSearchParams(window.location.search).get('page')).toBe('1');

    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(previous).toHaveAttribute('aria-disabled', 'true');

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('45 moves, page 2 of 3');
    slowDownNextQueueAnswer(60);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(new URLSearchParams(window.location.search).get('page')).toBe('3');
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expectUsable('Next page', false);
  });

  it('shows the loading state when an answer is slow, and holds the paging buttons', async () => {
    const { user } = await openQueueOf45();
    slowDownNextQueueAnswer(LOADING_DELAY_MS + 600);

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('Loading moves…')).toHaveAttribute('role', 'status');
    expectUsable('Next page', false);
    expectUsable('Previous page', false);
    const [, body] = within(table()).getAllByRole('rowgroup');
    expect(body).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    expect(screen.queryByText('Loading moves…')).not.toBeInTheDocument();
    expectUsable('Next page', true);
  });

  it('keeps the loading state for a request asked while it shows, until that one answers', async () => {
    const { user } = await openQueueOf45();
    // Handlers added later answer first: the page on is slow, the sort after it quick.
    slowDownNextQueueAnswer(50);
    slowDownNextQueueAnswer(LOADING_DELAY_MS + 300);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Loading moves…');

    // A sort asked for meanwhile replaces the slow request; its quick answer
    // ends the loading state, and the slow one is never shown.
    await user.click(sortButton('Customer name'));
    expect(screen.getByText('Loading moves…')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: 'Customer name' })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    expect(screen.queryByText('Loading moves…')).not.toBeInTheDocument();
    expect(screen.getByText('45 moves, page 1 of 3')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, LOADING_DELAY_MS + 400));
    expect(screen.getByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(screen.queryByText('Loading moves…')).not.toBeInTheDocument();
  });

  it('follows the browser’s Back and Forward through pages and filters, form included', async () => {
    const { user } = await openQueueOf45();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('45 moves, page 2 of 3');
    const approvalsRequested = () => screen.getByRole('checkbox', { name: 'Approvals requested' });
    await user.click(approvalsRequested());
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const waiting = queuedMoves().filter((each) => each.move.status === 'APPROVALS REQUESTED');
    const filtered = new RegExp(`^${waiting.length} moves?, page 1 of 1$`);
    await screen.findByText(filtered);
    expect(window.location.search).toBe(
      '?page=1&sort=status&order=desc&status=APPROVALS+REQUESTED',
    );

    window.history.back();
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    // The form shows the filters of the page gone back to.
    expect(approvalsRequested()).not.toBeChecked();
    window.history.back();
    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    window.history.forward();
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    window.history.forward();
    expect(await screen.findByText(filtered)).toBeInTheDocument();
    expect(approvalsRequested()).toBeChecked();
    expect(new Set(shownColumn('Status'))).toEqual(new Set(['Approvals requested']));

    // A page on from there is a new entry after it, as ever.
    window.history.back();
    await screen.findByText('45 moves, page 2 of 3');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(window.location.search).toBe('?page=3&sort=status&order=desc');
  });

  it('shows the same view after a reload: page, sort and filters come from the address', async () => {
    const { user, unmount } = await openQueueOf45();
    await user.click(sortButton('Move code'));
    await user.click(sortButton('Move code'));
    await user.click(screen.getByRole('checkbox', { name: 'New move' }));
    await user.click(screen.getByRole('checkbox', { name: 'Approvals requested' }));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    const total = queuedMoves().filter(
      (each) => each.move.status !== 'SERVICE COUNSELING COMPLETED',
    ).length;
    const caption = `${total} moves, page 2 of ${Math.ceil(total / 20)}`;
    const before = await screen.findByText(caption);
    expect(before).toBeInTheDocument();
    const rows = shownLocators();
    const address = `${window.location.pathname}${window.location.search}`;
    unmount();

    // A new page load: a fresh store and nothing remembered but the address.
    const requests = recordRequests();
    renderRoute(address, { store: setupStore() });

    expect(await screen.findByText(caption)).toBeInTheDocument();
    expect(queueSearches(requests)).toEqual([
      '?page=2&perPage=20&sort=locator&order=desc&status=SUBMITTED,APPROVALS%20REQUESTED',
    ]);
    expect(shownLocators()).toEqual(rows);
    expect(screen.getByRole('columnheader', { name: 'Move code' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.getByRole('checkbox', { name: 'New move' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Approvals requested' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Service counseling completed' }),
    ).not.toBeChecked();
  });

  it('opens on the default view for an address it cannot read, and sends none of it', async () => {
    const requests = recordRequests();
    renderRoute(
      '/?page=-3&sort=eTag&order=sideways&status=APPROVED,SUBMITTED&branch=NOPE&requestedMoveDate=soon&appearedInTooAt=%3Cscript%3E',
    );

    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    // Only the one status the queue knows survives.
    expect(queueSearches(requests)).toEqual([`${FIRST_LOAD}&status=SUBMITTED`]);
    expect(new Set(shownColumn('Status'))).toEqual(new Set(['New move']));
    expect(screen.getByRole('checkbox', { name: 'New move' })).toBeChecked();
    expect(filterField('Branch')).toHaveValue('');
    expect(filterField('Requested move date')).toHaveValue('');
  });

  // Each sortable column, by the server's sort key; ties go by move code, ascending.
  it.each<[string, string, (queued: Queued) => (string | number)[]]>([
    ['Move code', 'locator', (each) => [each.move.locator]],
    ['Customer name', 'customerName', (each) => [each.customer.lastName, each.customer.firstName]],
    ['DoD ID', 'edipi', (each) => [each.customer.edipi]],
    ['Status', 'status', (each) => [STATUS_RANK[each.move.status]]],
    ['Requested move date', 'requestedMoveDate', (each) => [each.earliestRequested]],
    // The latest of submitted, counseled and approvals requested.
    ['Date submitted', 'appearedInTooAt', (each) => [each.lastSent]],
    ['Branch', 'branch', (each) => [each.customer.affiliation]],
    ['Origin duty location', 'originDutyLocation', (each) => [each.origin]],
  ])(
    'sorts by %s on the server when its header is pressed, each way, and says which',
    async (label, sort, keysOf) => {
      const requests = recordRequests();
      const { user } = renderRoute('/');
      await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
      const queued = queuedMoves();
      const header = screen.getByRole('columnheader', { name: label });

      // A new column sorts ascending; the status column, shown descending, turns ascending too.
      await user.click(
        within(header).getByRole('button', {
          name: `Click to sort by ${label} in ascending order`,
        }),
      );
      // aria-sort says how the rows on screen are sorted: the new order's rows.
      await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
      expect(shownLocators()).toEqual(inOrder(queued, keysOf, false));

      await user.click(
        within(header).getByRole('button', {
          name: `Click to sort by ${label} in descending order`,
        }),
      );
      await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
      expect(shownLocators()).toEqual(inOrder(queued, keysOf, true));

      expect(queueSearches(requests)).toEqual([
        FIRST_LOAD,
        `?page=1&perPage=20&sort=${sort}&order=asc`,
        `?page=1&perPage=20&sort=${sort}&order=desc`,
      ]);
    },
  );

  it('does not sort by the shipment count, which the server cannot sort by', async () => {
    renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });

    const header = screen.getByRole('columnheader', { name: 'Shipments' });
    expect(within(header).queryByRole('button')).not.toBeInTheDocument();
    expect(header).not.toHaveAttribute('aria-sort');
  });

  it('marks its sortable headers as USWDS does: the sort icon, the order on the sorted one, what a press does, the sorted column highlighted', async () => {
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    const sortable = [
      'Move code',
      'Customer name',
      'DoD ID',
      'Status',
      'Requested move date',
      'Date submitted',
      'Branch',
      'Origin duty location',
    ];
    const header = (label: string) => screen.getByRole('columnheader', { name: label });

    for (const label of sortable) {
      // USWDS's styles draw the header's icon for th[data-sortable] only.
      expect(header(label)).toHaveAttribute('data-sortable');
      const button = within(header(label)).getByRole('button', {
        name: `Click to sort by ${label} in ascending order`,
      });
      expect(button).toHaveClass('usa-table__header__button');
      // The icon USWDS's table draws: an arrow each way, and both for a column not sorted.
      // eslint-disable-next-line testing-library/no-node-access -- the icon has no role of its own
      const groups = [...button.querySelectorAll('svg.usa-icon > g')].map((g) =>
        g.getAttribute('class'),
      );
      expect(groups).toEqual(['descending', 'ascending', 'unsorted']);
    }
    expect(header('Shipments')).not.toHaveAttribute('data-sortable');
    // aria-sort on the sorted column only: status, descending, as it loads.
    const sorted = () =>
      within(table())
        .getAllByRole('columnheader')
        .filter((cell) => cell.hasAttribute('aria-sort'))
        .map((cell) => [cell.textContent, cell.getAttribute('aria-sort')]);
    expect(sorted()).toEqual([['Status', 'descending']]);
    // USWDS's highlight of the sorted column: in each row, the cell under it and no other.
    const highlighted = () => {
      const [, ...rows] = within(table()).getAllByRole('row') as HTMLTableRowElement[];
      return new Set(
        rows.map((row) =>
          [...row.cells]
            .flatMap((cell, index) => (cell.hasAttribute('data-sort-active') ? [index] : []))
            .join(),
        ),
      );
    };
    expect(highlighted()).toEqual(new Set(['3']));

    await user.click(sortButton('Customer name'));
    await waitFor(() => expect(sorted()).toEqual([['Customer name', 'ascending']]));
    expect(highlighted()).toEqual(new Set(['1']));
    expect(
      within(header('Customer name')).getByRole('button', {
        name: 'Click to sort by Customer name in descending order',
      }),
    ).toBeInTheDocument();
    expect(
      within(header('Status')).getByRole('button', {
        name: 'Click to sort by Status in ascending order',
      }),
    ).toBeInTheDocument();

    // The move code is each row's header cell (th), marked as the others are.
    await user.click(sortButton('Move code'));
    await waitFor(() => expect(sorted()).toEqual([['Move code', 'ascending']]));
    expect(highlighted()).toEqual(new Set(['0']));
  });

  it('filters on the server by status and customer name, and clears the filters', async () => {
    const requests = recordRequests();
    const { user } = await openQueueOf45();
    const queued = queuedMoves();
    const newOrAsked = queued.filter((each) => each.move.status !== 'SERVICE COUNSELING COMPLETED');
    // Some are left out, so the filter shows.
    expect(newOrAsked.length).toBeLessThan(45);

    await user.click(screen.getByRole('checkbox', { name: 'New move' }));
    await user.click(screen.getByRole('checkbox', { name: 'Approvals requested' }));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const pages = Math.ceil(newOrAsked.length / 20);
    expect(
      await screen.findByText(`${newOrAsked.length} moves, page 1 of ${pages}`),
    ).toBeInTheDocument();
    // One status value, comma-joined, as MilMove's office app sends it.
    expect(queueSearches(requests).at(-1)).toBe(
      `${FIRST_LOAD}&status=SUBMITTED,APPROVALS%20REQUESTED`,
    );
    expect(new Set(shownColumn('Status'))).toEqual(new Set(['Approvals requested', 'New move']));

    const { customer } = queued.find((each) => each.move.locator === SEED_LOCATORS.submitted)!;
    await user.type(filterField('Customer name'), customer.lastName.toLowerCase());
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    // The server matches "first last", "last first" and "last, first", case aside.
    const sameName = newOrAsked.filter((each) =>
      each.names.some((name) => contains(name, customer.lastName)),
    );
    const total = sameName.length;
    expect(
      await screen.findByText(`${total} ${total === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();
    expect(queueSearches(requests).at(-1)).toBe(
      `${FIRST_LOAD}&customerName=${customer.lastName.toLowerCase()}&status=SUBMITTED,APPROVALS%20REQUESTED`,
    );
    expect([...shownLocators()].sort()).toEqual(sameName.map((each) => each.move.locator).sort());
    expect(shownLocators()).toContain(SEED_LOCATORS.submitted);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(queueSearches(requests).at(-1)).toBe(FIRST_LOAD);
    expect(filterField('Customer name')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'New move' })).not.toBeChecked();
  });

  // Each of the other filters MilMove's queue offers, applied to the submitted move's values.
  it.each<
    [
      string,
      (submitted: Queued) => { enter: string; sent: string },
      (queued: Queued, submitted: Queued) => boolean,
    ]
  >([
    [
      'Move code',
      () => ({ enter: ' rdy4 ', sent: 'locator=RDY4' }),
      (each) => contains(each.move.locator, 'RDY4'),
    ],
    [
      'DoD ID',
      (submitted) => ({
        enter: submitted.customer.edipi.slice(2, 6),
        sent: `edipi=${submitted.customer.edipi.slice(2, 6)}`,
      }),
      (each, submitted) => each.customer.edipi.includes(submitted.customer.edipi.slice(2, 6)),
    ],
    [
      'Origin duty location',
      (submitted) => {
        const part = submitted.origin.split(',')[0].toLowerCase();
        return { enter: part, sent: `originDutyLocation=${encodeURIComponent(part)}` };
      },
      (each, submitted) => contains(each.origin, submitted.origin.split(',')[0]),
    ],
    [
      'Requested move date',
      (submitted) => ({
        // Typed as the queue writes dates.
        enter: formatDate(submitted.requestedDays[0]),
        sent: `requestedMoveDate=${submitted.requestedDays[0]}`,
      }),
      (each, submitted) => each.requestedDays.includes(submitted.requestedDays[0]),
    ],
    [
      'Date submitted',
      (submitted) => ({
        enter: formatDate(submitted.sentDays[0]),
        // A date-time, as the office app sends it; the server compares the day.
        sent: `appearedInTooAt=${submitted.sentDays[0]}T00%3A00%3A00Z`,
      }),
      (each, submitted) => each.sentDays.includes(submitted.sentDays[0]),
    ],
  ])('filters on the server by %s', async (label, valueOf, matches) => {
    const requests = recordRequests();
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    const queued = queuedMoves();
    const submitted = queued.find((each) => each.move.locator === SEED_LOCATORS.submitted)!;
    const { enter, sent } = valueOf(submitted);
    const expected = queued.filter((each) => matches(each, submitted));
    // The filter leaves some moves out, and keeps the submitted one.
    expect(expected.length).toBeLessThan(queued.length);

    await user.type(filterField(label), enter);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const total = expected.length;
    expect(
      await screen.findByText(`${total} ${total === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();
    expect(queueSearches(requests).at(-1)).toBe(`${FIRST_LOAD}&${sent}`);
    expect([...shownLocators()].sort()).toEqual(expected.map((each) => each.move.locator).sort());
    expect(shownLocators()).toContain(SEED_LOCATORS.submitted);
  });

  it('takes a date filter as the queue writes dates, and says so for one that names no day', async () => {
    const requests = recordRequests();
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    const field = filterField('Requested move date');
    const before = queueSearches(requests).length;

    await user.type(field, '30 Feb 2027');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(
      screen.getByText(
        'Requested move date must be a real day. Day, month and year, like 05 Jan 2026.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(queueSearches(requests)).toHaveLength(before);

    await user.clear(field);
    await user.type(field, '2 mar 2027');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(queueSearches(requests).at(-1)).toBe(`${FIRST_LOAD}&requestedMoveDate=2027-03-02`),
    );
    expect(field).toHaveValue('02 Mar 2027');
  });

  it('filters on the server by branch, named as the office app names it', async () => {
    const requests = recordRequests();
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });
    const queued = queuedMoves();
    const { affiliation } = queued.find(
      (each) => each.move.locator === SEED_LOCATORS.submitted,
    )!.customer;
    const expected = queued.filter((each) => each.customer.affiliation === affiliation);
    expect(expected.length).toBeLessThan(queued.length);

    await user.selectOptions(filterField('Branch'), BRANCH_LABELS[affiliation]);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const total = expected.length;
    expect(
      await screen.findByText(`${total} ${total === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();
    expect(queueSearches(requests).at(-1)).toBe(`${FIRST_LOAD}&branch=${affiliation}`);
    expect(new Set(shownColumn('Branch'))).toEqual(new Set([BRANCH_LABELS[affiliation]]));
    expect([...shownLocators()].sort()).toEqual(expected.map((each) => each.move.locator).sort());
  });

  it('says no move matches when the server answers none, leaving out the list and the count', async () => {
    const answers: unknown[] = [];
    const onAnswer = ({ request, response }: { request: Request; response: Response }) => {
      if (new URL(request.url).pathname === QUEUE_PATH) {
        void response
          .clone()
          .json()
          .then((body) => answers.push(body));
      }
    };
    server.events.on('response:mocked', onAnswer);
    onTestFinished(() => server.events.removeListener('response:mocked', onAnswer));
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.submitted });

    await user.type(filterField('Customer name'), 'Zzyzx');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByText('No moves match these filters.')).toBeInTheDocument();
    expect(screen.getByText('0 moves, page 1 of 1')).toBeInTheDocument();
    expect(shownLocators()).toEqual([]);
    expectUsable('Previous page', false);
    expectUsable('Next page', false);
    await waitFor(() => expect(answers.at(-1)).toEqual({ page: 1, perPage: 20 }));
  });

  it('says when an answer has a row it cannot read, keeps the rows it had, and asks again on return', async () => {
    const { user } = await openQueueOf45();
    const requests = recordRequests();
    const firstPage = shownLocators();
    server.use(
      http.get(
        `*${QUEUE_PATH}`,
        () =>
          HttpResponse.json({
            page: 2,
            perPage: 20,
            totalCount: 45,
            // A row without its move code.
            queueMoves: [{ id: crypto.randomUUID(), status: 'SUBMITTED' }],
          }),
        { once: true },
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    const alert = await findAlert("The server's answer could not be read");
    expect(alert).toHaveTextContent("The server's queue row lacks locator.");
    expect(screen.getByRole('heading', { level: 1, name: 'Moves queue' })).toBeVisible();
    expect(shownLocators()).toEqual(firstPage);
    // Not asked again on its own: the failure and the rows stay until the user comes back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queueSearches(requests)).toHaveLength(1);
    expect(shownLocators()).toEqual(firstPage);
    expect(alert).toBeInTheDocument();

    // The user comes back to the tab: the queue asks for its view again.
    fireEvent.focus(window);
    await waitFor(() => expect(shownLocators()).not.toEqual(firstPage));
    expect(shownLocators()).toHaveLength(20);
    expect(screen.getByText('45 moves, page 2 of 3')).toBeInTheDocument();
    expect(screen.queryByText(/lacks locator/)).not.toBeInTheDocument();
  });

  it('says when the server fails, and shows the rows once it answers again', async () => {
    const requests = recordRequests();
    server.use(http.get(`*${QUEUE_PATH}`, () => noBody(500), { once: true }));
    renderRoute('/');

    const alert = await findAlert('The server had a problem');
    expect(alert).toHaveTextContent('The server failed (500).');
    expect(screen.queryByText('No moves match these filters.')).not.toBeInTheDocument();
    expect(shownLocators()).toEqual([]);
    // Not asked again on its own, until the user comes back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queueSearches(requests)).toEqual([FIRST_LOAD]);
    expect(shownLocators()).toEqual([]);
    expect(alert).toBeInTheDocument();

    fireEvent.focus(window);
    expect(await screen.findByRole('link', { name: SEED_LOCATORS.submitted })).toBeInTheDocument();
    expect(screen.queryByText('The server had a problem')).not.toBeInTheDocument();
  });
});

// main.tsx sends the queue's request before React's first render when the
// app opens on the queue, so the rows are on their way while the page is built.
describe('the queue’s request sent before the first render', () => {
  it('shows its answer, and the queue sends no second request for the same view', async () => {
    seedQueueOf45();
    const requests = recordRequests();
    const store = setupStore();
    startLoadingEarly(store.dispatch, {
      pathname: '/',
      search: '?page=2&sort=customerName&order=desc',
    });
    // On its way before anything is rendered.
    await waitFor(() =>
      expect(queueSearches(requests)).toEqual(['?page=2&perPage=20&sort=customerName&order=desc']),
    );

    const { user } = renderRoute('/?page=2&sort=customerName&order=desc', { store });

    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Customer name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(queueSearches(requests)).toHaveLength(1);
    // Taken once: the next view is asked for as usual.
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(queueSearches(requests)).toHaveLength(2);
  });

  it('is not taken for another view: the queue asks for its own, and a late early answer is dropped', async () => {
    seedQueueOf45();
    const requests = recordRequests();
    const store = setupStore();
    slowDownNextQueueAnswer(150);
    startLoadingEarly(store.dispatch, { pathname: '/', search: '?page=2' });

    renderRoute('/?page=3', { store });

    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(queueSearches(requests)).toEqual([
      '?page=2&perPage=20&sort=status&order=desc',
      '?page=3&perPage=20&sort=status&order=desc',
    ]);
    // The early request (page 2) answers after the queue's own: never shown.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(6);
  });
});
