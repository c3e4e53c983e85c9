import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../mocks/db';
import { setupStore } from '../app/store';
import { recordRequests } from '../test/recordRequests';
import {
  getMove,
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
} from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import {
  approveShipments,
  listMTOShipments,
  rejectShipment,
  selectShipmentById,
} from '../entities/shipments/shipmentsSlice';
import { selectWriteInFlight } from './inFlight';

// What Send to Prime asks for with the move's approval.
const CODES = { serviceCodeMS: true, serviceCodeCS: true };

/** A store holding the submitted move and its shipments, as its page loads them. */
async function loadedStore() {
  const store = setupStore();
  const moveAnswer = await store.dispatch(getMove(SEED_LOCATORS.submitted)).unwrap();
  await store.dispatch(listMTOShipments(moveAnswer.id));
  const move = selectMoveTaskOrderById(store.getState(), moveAnswer.id)!;
  return { store, move };
}

describe('one write at a time per record', () => {
  it('sends one request when the same write is dispatched twice at once', async () => {
    const requests = recordRequests();
    const { store, move } = await loadedStore();

    const first = store.dispatch(updateMoveTaskOrderStatus(move.id, move.eTag, CODES));
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(true);
    const second = await store.dispatch(updateMoveTaskOrderStatus(move.id, move.eTag, CODES));
    expect((await first).meta.requestStatus).toBe('fulfilled');

    expect(second.meta.requestStatus).toBe('rejected');
    expect(second.meta).toMatchObject({ condition: true });
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(db.find('move', move.id)?.status).toBe('APPROVED');
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(false);
  });

  it('lets writes to different records run together', async () => {
    const requests = recordRequests();
    const { store, move } = await loadedStore();
    const shipment = db.shipmentsOf(move.id).find((s) => s.status === 'SUBMITTED')!;
    const shown = selectShipmentById(store.getState(), shipment.id)!;

    // Rejecting a shipment leaves its move alone, so the move's eTag still holds.
    const pending = [
      store.dispatch(updateMoveTaskOrderStatus(move.id, move.eTag, CODES)),
      store.dispatch(rejectShipment(shipment.id, shown.eTag, 'Duplicate of another shipment')),
    ];
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(true);
    expect(selectWriteInFlight(store.getState(), shipment.id)).toBe(true);
    const results = await Promise.all(pending);

    expect(results.map((r) => r.meta.requestStatus)).toEqual(['fulfilled', 'fulfilled']);
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(2);
    expect(db.find('shipment', shipment.id)?.status).toBe('REJECTED');
  });

  it('frees the record after a refused write, so the user can redo it', async () => {
    const { store, move } = await loadedStore();
    // A colleague saves the move meanwhile: any save gives it a new eTag.
    db.save('move', move.id, { tioRemarks: 'Theirs' });

    const stale = await store.dispatch(updateMoveTaskOrderStatus(move.id, move.eTag, CODES));
    expect(stale.payload).toMatchObject({ kind: 'conflict', status: 412 });
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(false);

    await store.dispatch(getMove(move.locator));
    const fresh = selectMoveTaskOrderById(store.getState(), move.id)!;
    expect(fresh.eTag).not.toBe(move.eTag);
    const redo = await store.dispatch(updateMoveTaskOrderStatus(move.id, fresh.eTag, CODES));
    expect(redo.meta.requestStatus).toBe('fulfilled');
  });

  it('holds every record a write of several saves: its shipments and their move', async () => {
    const requests = recordRequests();
    const { store, move } = await loadedStore();
    await store.dispatch(updateMoveTaskOrderStatus(move.id, move.eTag, CODES));
    const [first, second, third] = db
      .shipmentsOf(move.id)
      .map((row) => selectShipmentById(store.getState(), row.id)!);

    const batch = store.dispatch(approveShipments(move.id, [first, second]));
    for (const id of [move.id, first.id, second.id]) {
      expect(selectWriteInFlight(store.getState(), id)).toBe(true);
    }
    expect(selectWriteInFlight(store.getState(), third.id)).toBe(false);
    // A second batch sharing one shipment, and a write on the move, wait their turn: not sent.
    const again = await store.dispatch(approveShipments(move.id, [second, third]));
    expect(again.meta).toMatchObject({ condition: true });
    const onMove = await store.dispatch(updateMoveTaskOrderStatus(move.id, move.eTag, CODES));
    expect(onMove.meta).toMatchObject({ condition: true });

    expect((await batch).meta.requestStatus).toBe('fulfilled');
    expect(requests.filter((r) => r.path.endsWith('/shipments/approve'))).toHaveLength(1);
    expect([first, second, third].map(({ id }) => db.find('shipment', id)?.status)).toEqual([
      'APPROVED',
      'APPROVED',
      'SUBMITTED',
    ]);
    expect(selectWriteInFlight(store.getState(), move.id)).toBe(false);
  });
});
