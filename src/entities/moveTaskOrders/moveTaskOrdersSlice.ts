import { createEntityAdapter, createSlice, isAnyOf, type EntityState } from '@reduxjs/toolkit';
import type { Move, ServiceItemCodes } from '../../api/models';
import { expectRecord } from '../../api/records';
import { request } from '../../api/request';
import { createApiThunk, createWriteThunk, withPositionalArgs } from '../../writes/thunks';
import { moveOpened } from '../recentMoves';

// The move is the task order: one record, one id, one eTag. The page reads it
// by its locator (getMove), as MilMove's office app does; every write on it
// answers the move as it is now.
const asMove = expectRecord<Move>('move', ['id', 'locator', 'ordersId', 'status', 'eTag']);

const moveTaskOrdersAdapter = createEntityAdapter<Move>();

/** The part of the store this slice keeps. */
interface MoveTaskOrdersState {
  entities: { moveTaskOrders: EntityState<Move, string> };
}

export const getMove = createApiThunk('moveTaskOrders/getMove', (locator: string) =>
  request('move.getMove', { locator }).then(asMove),
);

/**
 * Approves the move (and creates the MS and CS service items asked for),
 * with the eTag of the version the user saw. The real server approves the
 * move only; a shipment's approval makes it available to the Prime. The new
 * service items are fetched by a listener (app/listeners.ts).
 */
export const updateMoveTaskOrderStatus = withPositionalArgs(
  createWriteThunk(
    'moveTaskOrders/updateMoveTaskOrderStatus',
    (arg: { moveTaskOrderID: string; ifMatchETag: string; serviceItemCodes: ServiceItemCodes }) =>
      request(
        'moveTaskOrder.updateMoveTaskOrderStatus',
        { moveTaskOrderID: arg.moveTaskOrderID, 'If-Match': arg.ifMatchETag },
        arg.serviceItemCodes,
      ).then(asMove),
    (arg) => arg.moveTaskOrderID,
  ),
  (moveTaskOrderID: string, ifMatchETag: string, serviceItemCodes: ServiceItemCodes) => ({
    moveTaskOrderID,
    ifMatchETag,
    serviceItemCodes,
  }),
);

/** Declared by MilMove's document; its server answers 501 (see docs/contract.md). */
export const updateMoveTIORemarks = withPositionalArgs(
  createWriteThunk(
    'moveTaskOrders/updateMoveTIORemarks',
    (arg: { moveTaskOrderID: string; ifMatchETag: string; tioRemarks: string | null }) =>
      request(
        'moveTaskOrder.updateMoveTIORemarks',
        { moveTaskOrderID: arg.moveTaskOrderID, 'If-Match': arg.ifMatchETag },
        { tioRemarks: arg.tioRemarks },
      ).then(asMove),
    (arg) => arg.moveTaskOrderID,
  ),
  (moveTaskOrderID: string, ifMatchETag: string, tioRemarks: string | null) => ({
    moveTaskOrderID,
    ifMatchETag,
    tioRemarks,
  }),
);

const moveTaskOrdersSlice = createSlice({
  name: 'moveTaskOrders',
  initialState: moveTaskOrdersAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(moveOpened, (state, { payload }) => {
        moveTaskOrdersAdapter.removeMany(state, payload.dropped.moveTaskOrders);
      })
      .addMatcher(
        isAnyOf(
          getMove.fulfilled,
          updateMoveTaskOrderStatus.fulfilled,
          updateMoveTIORemarks.fulfilled,
        ),
        (state, { payload }) => {
          moveTaskOrdersAdapter.setOne(state, payload);
        },
      );
  },
});

export default moveTaskOrdersSlice.reducer;

const selectors = moveTaskOrdersAdapter.getSelectors(
  (state: MoveTaskOrdersState) => state.entities.moveTaskOrders,
);

export const selectMoveTaskOrderById: (state: MoveTaskOrdersState, id: string) => Move | undefined =
  selectors.selectById;
export const selectAllMoveTaskOrders = selectors.selectAll;
