import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { problem } from '../../../mocks/http';
import { server } from '../../../mocks/node';
import { setupStore } from '../../app/store';
import { expectNoAxeViolations } from '../../test/axe';
import { recordRequests } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';
import { requestQueueEarly } from './earlyRequest';
import { LOADING_DELAY_MS } from './MovesQueue';

/** Holds the next queue request for `ms`, then lets the mock answer it as usual. */
function slowDownNextQueueAnswer(ms: number) {
  server.use(
    http.get(
      '*/ghc/v1/queues/moves',
      async () => {
        await delay(ms);
      },
      { once: true },
    ),
  );
}

/** Opens the queue at `path` over 45 moves (three pages), once it shows its page. */
async function openQueueOf45(path = '/') {
  db.reset({ moves: 45 });
  const view = renderRoute(path);
  const page = new URLSearchParams(path.split('?')[1]).get('page') ?? '1';
  await screen.findByText(`45 moves, page ${page} of 3`);
  return view;
}

/** Whether a paging button says it can be used (aria-disabled; it keeps its focus). */
function expectUsable(name: 'Previous page' | 'Next page', usable: boolean) {
  expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', String(!usable));
}

describe('moves queue', () => {
  it('lists moves with their customer, status and Prime availability, linking to each', async () => {
    const { user, location } = renderRoute('/');

    const link = await screen.findByRole('link', { name: SEED_LOCATORS.draft });
    const row = screen.getByRole('row', { name: new RegExp(`^${SEED_LOCATORS.draft} `) });
    const move = db.moveByLocator(SEED_LOCATORS.draft)!;
    const customer = db.find('customer', db.find('order', move.orderID)!.customerID)!;
    expect(
      within(row).getByText(`${customer.lastName}, ${customer.firstName}`),
    ).toBeInTheDocument();
    expect(within(row).getByText('No')).toBeInTheDocument();
    const primeRow = screen.getByRole('row', {
      name: new RegExp(`^${SEED_LOCATORS.availableToPrime} `),
    });
    expect(within(primeRow).getByText(/^Yes, /)).toBeInTheDocument();

    await expectNoAxeViolations();

    await user.click(link);
    expect(location.current?.pathname).toBe(`/moves/${SEED_LOCATORS.draft}/details`);
    expect(
      await screen.findByRole('heading', { name: `Move ${SEED_LOCATORS.draft}` }),
    ).toBeInTheDocument();
  });

  it('says a move opened from it is not found when the server no longer has it', async () => {
    const { user } = renderRoute('/');
    const link = await screen.findByRole('link', { name: SEED_LOCATORS.draft });
    // Gone since the queue listed it; the records its row names still answer.
    server.use(
      http.get(`*/ghc/v1/move/${SEED_LOCATORS.draft}`, () =>
        problem(404, `No move ${SEED_LOCATORS.draft}.`),
      ),
    );

    await user.click(link);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Move ${SEED_LOCATORS.draft} not found`,
      }),
    ).toBeInTheDocument();
  });

  it('shows the total and pages through it on the server', async () => {
    db.reset({ moves: 45 });
    const { user } = renderRoute('/');

    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(21);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expectUsable('Next page', false);
  });

  it('keeps the rows and says nothing while a quick answer comes, then shows it', async () => {
    const { user } = await openQueueOf45();
    slowDownNextQueueAnswer(30);

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    // Until the answer, the table still describes the rows it shows.
    expect(screen.getByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
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
    const [, body] = within(screen.getByRole('table')).getAllByRole('rowgroup');
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
    await user.click(screen.getByRole('button', { name: 'Customer name' }));
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
    await user.selectOptions(screen.getByLabelText('Status'), 'Move approved');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const approved = db.queueMoves().filter((row) => row.status === 'APPROVED').length;
    await screen.findByText(new RegExp(`^${approved} moves?, page 1 of`));
    expect(window.location.search).toBe('?page=1&sort=locator&order=asc&status=APPROVED');

    window.history.back();
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    // The form shows the filters of the page gone back to.
    expect(screen.getByLabelText('Status')).toHaveValue('');
    window.history.back();
    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    window.history.forward();
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    window.history.forward();
    expect(
      await screen.findByText(new RegExp(`^${approved} moves?, page 1 of`)),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('APPROVED');

    // A page on from there is a new entry after it, as ever.
    window.history.back();
    await screen.findByText('45 moves, page 2 of 3');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(window.location.search).toBe('?page=3&sort=locator&order=asc');
  });

  it('sorts by a column when its header is pressed, and says which way', async () => {
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.draft });

    await user.click(screen.getByRole('button', { name: 'Move code' }));
    // aria-sort says how the rows on screen are sorted: the new order's rows.
    const header = screen.getByRole('columnheader', { name: 'Move code' });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    const locators = (await screen.findAllByRole('link', { name: /^[A-Z0-9]{6}$/ })).map(
      (a) => a.textContent,
    );
    expect(locators).toEqual([...locators].sort().reverse());
  });

  it('filters on the server by customer name and status, and clears the filters', async () => {
    const { user } = await openQueueOf45();
    const move = db.moveByLocator(SEED_LOCATORS.draft)!;
    const customer = db.find('customer', db.find('order', move.orderID)!.customerID)!;
    const sameName = db
      .queueMoves()
      .filter((row) =>
        `${row.customer.firstName} ${row.customer.lastName}`.includes(customer.lastName),
      );

    await user.type(screen.getByLabelText('Customer name'), customer.lastName);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const total = sameName.length;
    expect(
      await screen.findByText(`${total} ${total === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(total + 1);

    await user.selectOptions(screen.getByLabelText('Status'), 'Move approved');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const approved = sameName.filter((row) => row.status === 'APPROVED').length;
    expect(
      await screen.findByText(`${approved} ${approved === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
  });
});

// main.tsx sends the queue's request before React's first render when the
// app opens on the queue, so the rows are on their way while the page is built.
describe('the queue’s request sent before the first render', () => {
  /** The queue requests the mock received, by their page. */
  const queuePages = (requests: ReturnType<typeof recordRequests>) =>
    requests.filter((request) => request.path === '/ghc/v1/queues/moves');

  it('shows its answer, and the queue sends no second request for the same view', async () => {
    db.reset({ moves: 45 });
    const requests = recordRequests();
    const store = setupStore();
    requestQueueEarly(store.dispatch, '?page=2&sort=customerName&order=desc');
    // On its way before anything is rendered.
    await waitFor(() => expect(queuePages(requests)).toHaveLength(1));

    const { user } = renderRoute('/?page=2&sort=customerName&order=desc', { store });

    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Customer name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(queuePages(requests)).toHaveLength(1);
    // Taken once: the next view is asked for as usual.
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(queuePages(requests)).toHaveLength(2);
  });

  it('is not taken for another view: the queue asks for its own, and a late early answer is dropped', async () => {
    db.reset({ moves: 45 });
    const requests = recordRequests();
    const store = setupStore();
    slowDownNextQueueAnswer(150);
    requestQueueEarly(store.dispatch, '?page=2');

    renderRoute('/?page=3', { store });

    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(queuePages(requests)).toHaveLength(2);
    // The early request (page 2) answers after the queue's own: never shown.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(6);
  });
});
