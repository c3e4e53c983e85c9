import { createEntityAdapter, createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { MTOShipment } from '../../api/models';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { createSelectIdsOfMove, replaceChildrenOfMove } from '../childrenOfMove';

// Each shipment is written with its own eTag, never the move's (decision 0049).
const shipmentsAdapter = createEntityAdapter<MTOShipment>();

export const listMTOShipments = createApiThunk(
  'shipments/listMTOShipments',
  (moveTaskOrderID: string) => request('mtoShipment.listMTOShipments', { moveTaskOrderID }),
);

export const approveShipment = createApiThunk(
  'shipments/approveShipment',
  (shipmentID: string, ifMatchETag: string) =>
    request('shipment.approveShipment', { shipmentID, 'If-Match': ifMatchETag }),
  { recordOf: (shipmentID) => shipmentID },
);

export const rejectShipment = createApiThunk(
  'shipments/rejectShipment',
  (shipmentID: string, ifMatchETag: string, rejectionReason: string) =>
    request(
      'shipment.rejectShipment',
      { shipmentID, 'If-Match': ifMatchETag },
      { rejectionReason },
    ),
  { recordOf: (shipmentID) => shipmentID },
);

const shipmentsSlice = createSlice({
  name: 'shipments',
  initialState: shipmentsAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(listMTOShipments.fulfilled, (state, { payload, meta }) => {
        replaceChildrenOfMove(shipmentsAdapter, state, meta.arg[0], payload);
      })
      .addMatcher(
        isAnyOf(approveShipment.fulfilled, rejectShipment.fulfilled),
        (state, { payload }) => {
          shipmentsAdapter.setOne(state, payload);
        },
      );
  },
});

export default shipmentsSlice.reducer;

export const { selectById: selectShipmentById, selectAll: selectAllShipments } =
  shipmentsAdapter.getSelectors((state: RootState) => state.entities.shipments);

export const selectShipmentIdsOfMove = createSelectIdsOfMove(selectAllShipments);
