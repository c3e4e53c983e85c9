import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { MoveTaskOrder, ServiceItemCodes } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createRecordSelectors, emptyRecordTable, mergeRecord, putRecord } from '../recordTable';

// A move and its move task order are one record (one id, one eTag): both
// operations store into this slice. A Move body lacks `referenceId`, so it is
// merged into what is stored rather than replacing it.
export type StoredMoveTaskOrder = Omit<MoveTaskOrder, 'referenceId'> & { referenceId?: string };

export const getMove = createApiThunk('moveTaskOrders/getMove', (locator: string) =>
  request('move.getMove', { locator }),
);

export const getMoveTaskOrder = createApiThunk(
  'moveTaskOrders/getMoveTaskOrder',
  (moveTaskOrderID: string) => request('moveTaskOrder.getMoveTaskOrder', { moveTaskOrderID }),
);

/**
 * Send to Prime. The answer is the move task order with its new eTag; the MS
 * and CS service items it created are fetched by a listener (app/listeners.ts)
 * right after, off the critical path.
 */
export const updateMoveTaskOrderStatus = createApiThunk(
  'moveTaskOrders/updateMoveTaskOrderStatus',
  (moveTaskOrderID: string, ifMatchETag: string, serviceItemCodes: ServiceItemCodes) =>
    request(
      'moveTaskOrder.updateMoveTaskOrderStatus',
      { moveTaskOrderID, 'If-Match': ifMatchETag },
      serviceItemCodes,
    ),
  { recordOf: (moveTaskOrderID) => moveTaskOrderID },
);

export const updateMoveTIORemarks = createApiThunk(
  'moveTaskOrders/updateMoveTIORemarks',
  (moveTaskOrderID: string, ifMatchETag: string, tioRemarks: string | null) =>
    request(
      'moveTaskOrder.updateMoveTIORemarks',
      { moveTaskOrderID, 'If-Match': ifMatchETag },
      { tioRemarks },
    ),
  { recordOf: (moveTaskOrderID) => moveTaskOrderID },
);

const moveTaskOrdersSlice = createSlice({
  name: 'moveTaskOrders',
  initialState: emptyRecordTable<StoredMoveTaskOrder>(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(getMove.fulfilled, (state, { payload }) => {
        mergeRecord(state, payload);
      })
      .addMatcher(
        isAnyOf(
          getMoveTaskOrder.fulfilled,
          updateMoveTaskOrderStatus.fulfilled,
          updateMoveTIORemarks.fulfilled,
        ),
        (state, { payload }) => {
          putRecord(state, payload);
        },
      );
  },
});

export default moveTaskOrdersSlice.reducer;

export const { selectById: selectMoveTaskOrderById } = createRecordSelectors(
  (state: RootState) => state.entities.moveTaskOrders,
);
