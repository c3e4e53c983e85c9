import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../mocks/db';
import { setupStore } from '../app/store';
import { recordRequests } from '../test/recordRequests';
import {
  getMoveTaskOrder,
  selectMoveTaskOrderById,
  updateMoveTIORemarks,
} from './moveTaskOrders/moveTaskOrdersSlice';
import { approveShipment, listMTOShipments } from './shipments/shipmentsSlice';
import { selectWriteInFlight } from './writesInFlight';

async function loadedStore() {
  const store = setupStore();
  const move = db.moveByLocator(SEED_LOCATORS.draft)!;
  await store.dispatch(getMoveTaskOrder(move.id));
  await store.dispatch(listMTOShipments(move.id));
  return { store, move };
}

describe('one write at a time per record', () => {
  it('sends one request when the same write is dispatched twice at once', async () => {
    const requests = recordRequests();
    const { store, move } = await loadedStore();

    const first = store.dispatch(updateMoveTIORemarks(move.id, move.eTag, 'First'));
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(true);
    const second = await store.dispatch(updateMoveTIORemarks(move.id, move.eTag, 'Second'));
    await first;

    expect(second.meta.requestStatus).toBe('rejected');
    expect(second.meta).toMatchObject({ condition: true });
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(db.find('move', move.id)?.tioRemarks).toBe('First');
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(false);
  });

  it('lets writes to different records run together', async () => {
    const requests = recordRequests();
    const { store, move } = await loadedStore();
    const shipment = db.shipmentsOf(move.id).find((s) => s.status === 'SUBMITTED')!;

    const results = await Promise.all([
      store.dispatch(updateMoveTIORemarks(move.id, move.eTag, 'Remarks')),
      store.dispatch(approveShipment(shipment.id, shipment.eTag)),
    ]);

    expect(results.map((r) => r.meta.requestStatus)).toEqual(['fulfilled', 'fulfilled']);
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(2);
  });

  it('frees the record after a refused write, so the user can redo it', async () => {
    const { store, move } = await loadedStore();
    db.colleagueUpdate('move', move.id, { tioRemarks: 'Theirs' });

    const stale = await store.dispatch(updateMoveTIORemarks(move.id, move.eTag, 'Mine'));
    expect(stale.payload).toMatchObject({ kind: 'conflict', status: 412 });
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(false);

    await store.dispatch(getMoveTaskOrder(move.id));
    const fresh = selectMoveTaskOrderById(store.getState(), move.id)!;
    const redo = await store.dispatch(updateMoveTIORemarks(move.id, fresh.eTag, 'Mine'));
    expect(redo.meta.requestStatus).toBe('fulfilled');
  });
});
