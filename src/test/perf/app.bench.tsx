// `npm run bench`: figures printed as tables, never asserted as times (these
// machines are shared and noisy). Each speed figure is compared with a
// baseline measured in the same run.
import { combineReducers } from '@reduxjs/toolkit';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { eTagOf } from '../../../mocks/clock';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { CSRF_HEADER, csrfToken } from '../../api/csrf';
import type { Customer, Move, MTOServiceItem, MTOShipment, Order } from '../../api/models';
import customersReducer, { getCustomer } from '../../entities/customers/customersSlice';
import moveTaskOrdersReducer, { getMove } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import ordersReducer, { getOrder } from '../../entities/orders/ordersSlice';
import { RECENT_MOVES_KEPT } from '../../entities/recentMoves';
import serviceItemsReducer, {
  listMTOServiceItems,
  updateMTOServiceItemStatus,
} from '../../entities/serviceItems/serviceItemsSlice';
import shipmentsReducer, { listMTOShipments } from '../../entities/shipments/shipmentsSlice';
import { renderRoute } from '../renderWithProviders';
import { countRenders } from './renderCounter';
import { moveHeading } from '../submittedMove';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function sendToPrimeOnce(): Promise<number> {
  db.reset();
  const view = renderRoute(`/moves/${SEED_LOCATORS.submitted}/details`);
  const button = await screen.findByRole('button', { name: 'Send to Prime' });
  const start = performance.now();
  fireEvent.click(button);
  await screen.findByText('Move approved', { selector: 'dd' }, { interval: 1 });
  const elapsed = performance.now() - start;
  view.unmount();
  return elapsed;
}

async function rawPatchOnce(): Promise<number> {
  db.reset();
  const move = db.moveByLocator(SEED_LOCATORS.submitted)!;
  // A read first, as the page's reads do, for the CSRF cookie a write echoes.
  if (!csrfToken()) await fetch(`http://localhost:3000/ghc/v1/move/${move.locator}`);
  const start = performance.now();
  const response = await fetch(`http://localhost:3000/ghc/v1/move-task-orders/${move.id}/status`, {
    method: 'PATCH',
    headers: {
      'Content-Type': 'application/json',
      'If-Match': eTagOf(move.updatedAt),
      [CSRF_HEADER]: csrfToken() ?? '',
    },
    body: JSON.stringify({ serviceCodeMS: true, serviceCodeCS: true }),
  });
  await response.json();
  const elapsed = performance.now() - start;
  if (!response.ok) throw new Error(`The baseline PATCH was refused: ${response.status}`);
  return elapsed;
}

// The real server never fills a service item's updatedAt: only the eTag tells versions apart.
const ZERO_TIME = '0001-01-01T00:00:00.000Z';

/** The id of record `index` of a kind, for move `move`: distinct, as UUIDs. */
const idOf = (kind: number, move: number, index = 0) =>
  `00000000-0000-4000-8${kind}00-${String(move * 1000 + index).padStart(12, '0')}`;

/** The actions that store one move's records, as its page's loads do. */
function loadsOfMove(move: number, shipmentCount: number, itemCount: number) {
  const moveID = idOf(1, move);
  const eTag = eTagOf('2026-01-05T14:00:00.000000Z');
  const stored = { createdAt: '2026-01-05T14:00:00.000Z', updatedAt: ZERO_TIME, eTag };
  const order: Order = { id: idOf(2, move), customerID: idOf(3, move), ...stored };
  const customer: Customer = { id: order.customerID, ...stored };
  const record: Move = {
    id: moveID,
    locator: `B${String(move).padStart(5, '0')}`,
    ordersId: order.id,
    status: 'SUBMITTED',
    ...stored,
  };
  const shipments: MTOShipment[] = Array.from({ length: shipmentCount }, (_, index) => ({
    id: idOf(4, move, index),
    moveTaskOrderID: moveID,
    shipmentType: 'HHG',
    status: 'SUBMITTED',
    ...stored,
  }));
  const serviceItems: MTOServiceItem[] = Array.from({ length: itemCount }, (_, index) => ({
    id: idOf(5, move, index),
    moveTaskOrderID: moveID,
    mtoShipmentID: shipments[0]?.id,
    reServiceID: '00000000-0000-4000-8000-200000000000',
    reServiceCode: 'DLH',
    reServiceName: 'Domestic linehaul',
    status: 'SUBMITTED',
    convertToCustomerExpense: false,
    ...stored,
  }));
  return {
    serviceItems,
    actions: [
      getMove.fulfilled(record, 'load', record.locator),
      getOrder.fulfilled(order, 'load', order.id),
      getCustomer.fulfilled(customer, 'load', customer.id),
      listMTOShipments.fulfilled(shipments, 'load', moveID),
      listMTOServiceItems.fulfilled(serviceItems, 'load', moveID),
    ],
  };
}

// The store's record slices, as the app combines them under state.entities.
const entitiesReducer = combineReducers({
  moveTaskOrders: moveTaskOrdersReducer,
  customers: customersReducer,
  orders: ordersReducer,
  shipments: shipmentsReducer,
  serviceItems: serviceItemsReducer,
});

/**
 * Mean time for the store's record slices to store one updated service item
 * when they hold `moves` moves of these many shipments and service items.
 * The reducers alone, as in production: the store's development-only checks
 * walk the whole state on every dispatch.
 */
function storeUpdate(moves: number, shipmentCount: number, itemCount: number, rounds: number) {
  let state = entitiesReducer(undefined, { type: 'init' });
  let items: MTOServiceItem[] = [];
  for (let move = 0; move < moves; move += 1) {
    const loads = loadsOfMove(move, shipmentCount, itemCount);
    for (const action of loads.actions) state = entitiesReducer(state, action);
    items = loads.serviceItems;
  }
  const records = Object.values(state).reduce((sum, table) => sum + table.ids.length, 0);
  // An item of the move opened last, half way down its list.
  const target = items[Math.floor(items.length / 2)];
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const eTag = eTagOf(`2026-02-01T00:00:00.${String(round).padStart(6, '0')}Z`);
    state = entitiesReducer(
      state,
      updateMTOServiceItemStatus.fulfilled(
        { ...target, status: round % 2 ? 'APPROVED' : 'REJECTED', eTag },
        'write',
        {
          moveTaskOrderID: target.moveTaskOrderID,
          mtoServiceItemID: target.id,
          ifMatchETag: target.eTag,
          change: { status: 'APPROVED' },
        },
      ),
    );
  }
  return { records, perUpdate: (performance.now() - start) / rounds };
}

/** Time from opening the queue to its first rows on screen. */
async function queueFirstRows(): Promise<number> {
  const start = performance.now();
  const view = renderRoute('/');
  await screen.findAllByRole('link', { name: /^[A-Z0-9]{6}$/ }, { interval: 1 });
  const elapsed = performance.now() - start;
  view.unmount();
  return elapsed;
}

/** Time for one queue interaction (next page, sort, filter) to show its answer in the caption. */
async function queueInteractions(): Promise<Record<string, number>> {
  const view = renderRoute('/');
  // The caption reads "page 1 of" before the first answer too: wait for a row.
  await screen.findAllByRole('link', { name: /^[A-Z0-9]{6}$/ });
  const caption = () => (screen.getByRole('table') as HTMLTableElement).caption?.textContent;
  const timed = async (act: () => void) => {
    const before = caption();
    const start = performance.now();
    act();
    await waitFor(() => expect(caption()).not.toBe(before), { interval: 1 });
    return performance.now() - start;
  };
  const figures = {
    'next page': await timed(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Next page' })),
    ),
    // Back to page 1, in the new order.
    'sort by customer name': await timed(() =>
      fireEvent.click(
        screen.getByRole('button', { name: 'Click to sort by Customer name in ascending order' }),
      ),
    ),
    // Fewer moves.
    'filter by status': await timed(() => {
      fireEvent.click(screen.getByRole('checkbox', { name: 'Approvals requested' }));
      fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    }),
  };
  view.unmount();
  return figures;
}

describe('benchmarks', () => {
  it('shows the queue’s first rows with 20 and with 10,000 moves, and pages, sorts and filters them', async () => {
    const rounds = 7;
    const firstRows: Record<number, number[]> = { 20: [], 10_000: [] };
    // Warm-up at both sizes first, so neither is measured while the app's
    // code is still being compiled.
    for (const moves of [20, 10_000, 20, 10_000]) {
      db.reset({ moves });
      await queueFirstRows();
    }
    for (const moves of [20, 10_000]) {
      db.reset({ moves });
      await queueFirstRows(); // the mock's first answer after a reset builds its rows
      for (let round = 0; round < rounds; round += 1) firstRows[moves].push(await queueFirstRows());
    }
    const interactions = await queueInteractions();
    console.table({
      'first rows, 20 moves': { median: ms(median(firstRows[20])) },
      'first rows, 10,000 moves': { median: ms(median(firstRows[10_000])) },
      ratio: {
        median: `${(median(firstRows[10_000]) / median(firstRows[20])).toFixed(2)}x (goal: at most 1.5x)`,
      },
      ...Object.fromEntries(
        Object.entries(interactions).map(([name, time]) => [
          `${name}, 10,000 moves (request included)`,
          { median: ms(time) },
        ]),
      ),
    });
    expect(firstRows[20]).toHaveLength(rounds);
  });

  it('Send to Prime, click to screen, against a raw PATCH round trip through the same mock', async () => {
    const rounds = 15;
    await sendToPrimeOnce(); // warm-up: module loading and the first render
    await rawPatchOnce();
    const clicks: number[] = [];
    const patches: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      clicks.push(await sendToPrimeOnce());
      patches.push(await rawPatchOnce());
    }
    const ratio = median(clicks) / median(patches);
    console.table({
      'Send to Prime (click to screen)': { median: ms(median(clicks)), rounds },
      'raw PATCH round trip (baseline)': { median: ms(median(patches)), rounds },
      ratio: { median: `${ratio.toFixed(2)}x (goal: at most 2x)`, rounds },
    });
    expect(clicks).toHaveLength(rounds);
  });

  it('stores one updated record, reducer only, at the retained size and in a small table', () => {
    const rounds = 2000;
    const batches = 7;
    // What the store keeps at most: the records of the last RECENT_MOVES_KEPT
    // moves opened, each with its orders, customer, 3 shipments and 10
    // service items. Against one move of 10 records.
    const retained = () => storeUpdate(RECENT_MOVES_KEPT, 3, 10, rounds);
    const small = () => storeUpdate(1, 2, 5, rounds);
    storeUpdate(RECENT_MOVES_KEPT, 3, 10, 200); // warm-up
    storeUpdate(1, 2, 5, 200);
    const smallTimes: number[] = [];
    const retainedTimes: number[] = [];
    let sizes = { small: 0, retained: 0 };
    for (let batch = 0; batch < batches; batch += 1) {
      const a = small();
      const b = retained();
      smallTimes.push(a.perUpdate);
      retainedTimes.push(b.perUpdate);
      sizes = { small: a.records, retained: b.records };
    }
    const µs = (value: number) => `${(value * 1000).toFixed(1)} µs`;
    console.table({
      [`${sizes.small} records (1 move)`]: {
        'per update (median of batches)': µs(median(smallTimes)),
      },
      [`${sizes.retained} records (${RECENT_MOVES_KEPT} moves kept)`]: {
        'per update (median of batches)': µs(median(retainedTimes)),
      },
      ratio: {
        'per update (median of batches)': `${(median(retainedTimes) / median(smallTimes)).toFixed(2)}x`,
      },
    });
    expect(sizes).toEqual({ small: 10, retained: RECENT_MOVES_KEPT * 16 });
  });

  it('counts what re-renders when one of 200 service items is approved', async () => {
    db.reset();
    // The move waiting for approvals: its shipment has a service item the Prime asked for.
    const locator = SEED_LOCATORS.approvalsRequested;
    const move = db.moveByLocator(locator)!;
    const [shipmentTemplate] = db.shipmentsOf(move.id);
    const itemTemplate = db.serviceItemsOf(move.id).find((item) => item.status === 'SUBMITTED')!;
    const strip = <R extends { id: string; createdAt: string; updatedAt: string }>({
      id: _id,
      createdAt: _created,
      updatedAt: _updated,
      ...fields
    }: R) => fields;
    while (db.shipmentsOf(move.id).length < 50) db.create('shipment', strip(shipmentTemplate));
    while (db.serviceItemsOf(move.id).length < 200) db.create('serviceItem', strip(itemTemplate));
    renderRoute(`/moves/${locator}/details`);
    await screen.findByRole(
      'heading',
      { level: 1, name: moveHeading(locator) },
      { timeout: 20_000 },
    );
    const table = screen.getByRole('region', { name: 'Service items' });
    const [approve] = within(table).getAllByRole('button', { name: /^Approve / });

    // Some items are approved already: wait for this one.
    const approvedBefore = within(table).queryAllByText(/^Approved on/).length;
    const counts = await countRenders(async () => {
      fireEvent.click(approve);
      await waitFor(() =>
        expect(within(table).getAllByText(/^Approved on/)).toHaveLength(approvedBefore + 1),
      );
    });

    const appComponents = [
      'ServiceItemRow',
      'ReviewActions',
      'RecoveryAlert',
      'ServiceItemsTable',
      'ShipmentList',
      'ShipmentCard',
      'CustomerDetails',
      'RecordSection',
      'MoveTaskOrderPanel',
      'StaleNotice',
      'AlertSlot',
    ];
    console.table(
      Object.entries(counts).map(([component, renders]) => ({
        component,
        renders,
        ours: appComponents.includes(component) ? 'yes' : 'library',
      })),
    );
    console.log(
      `Distinct components re-rendered: ${Object.keys(counts).length} (${Object.keys(counts)
        .filter((name) => appComponents.includes(name))
        .join(', ')} of ours) across 50 shipments and 200 service items`,
    );
    expect(Object.keys(counts).length).toBeGreaterThan(0);
  });

  it('counts what re-renders when the queue of 10,000 moves goes a page on', async () => {
    db.reset({ moves: 10_000 });
    renderRoute('/');
    // The queue lists the moves waiting for the TOO: fewer than all 10,000.
    await screen.findAllByRole('link', { name: /^[A-Z0-9]{6}$/ }, { timeout: 20_000 });

    const counts = await countRenders(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
      await screen.findByText(/^\d+ moves, page 2 of/);
    });

    console.table(Object.entries(counts).map(([component, renders]) => ({ component, renders })));
    console.log(
      `Queue parts re-rendered by one page on: ${['QueueFilters', 'QueueHeader', 'QueuePager']
        .map((name) => `${name} ${counts[name] ?? 0}`)
        .join(
          ', ',
        )}; MovesQueue ${counts.MovesQueue ?? 0} (the answer, and the loading state if slow)`,
    );
    expect(counts.MovesQueue).toBeGreaterThan(0);
  });
});
