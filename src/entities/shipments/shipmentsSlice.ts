import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { MTOShipment } from '../../api/models';
import { expectRecord, expectRecords } from '../../api/records';
import { request } from '../../api/request';
import type { RootState } from '../../app/store';
import { createApiThunk } from '../createApiThunk';
import { emptyChildTable, idsOfMove, putChild, replaceChildrenOfMove } from '../childrenOfMove';
import { createRecordSelectors } from '../recordTable';

// Each shipment is written with its own eTag, never the move's (decision 0049).
const KEYS = ['id', 'moveTaskOrderID', 'shipmentType', 'status', 'eTag'] as const;
const asShipment = expectRecord<MTOShipment>('shipment', KEYS);
const asShipments = expectRecords<MTOShipment>('shipment', KEYS);

export const listMTOShipments = createApiThunk(
  'shipments/listMTOShipments',
  (moveTaskOrderID: string) =>
    request('mtoShipment.listMTOShipments', { moveTaskOrderID }).then(asShipments),
);

/**
 * Approving a shipment saves its move (and makes it available to the
 * Prime) and creates its service items: a listener fetches both.
 */
export const approveShipment = createApiThunk(
  'shipments/approveShipment',
  (shipmentID: string, ifMatchETag: string) =>
    request('shipment.approveShipment', { shipmentID, 'If-Match': ifMatchETag }).then(asShipment),
  { recordOf: (shipmentID) => shipmentID },
);

export const rejectShipment = createApiThunk(
  'shipments/rejectShipment',
  (shipmentID: string, ifMatchETag: string, rejectionReason: string) =>
    request(
      'shipment.rejectShipment',
      { shipmentID, 'If-Match': ifMatchETag },
      { rejectionReason },
    ).then(asShipment),
  { recordOf: (shipmentID) => shipmentID },
);

const shipmentsSlice = createSlice({
  name: 'shipments',
  initialState: emptyChildTable<MTOShipment>(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(listMTOShipments.fulfilled, (state, { payload, meta }) => {
        replaceChildrenOfMove(state, meta.arg[0], payload);
      })
      .addMatcher(
        isAnyOf(approveShipment.fulfilled, rejectShipment.fulfilled),
        (state, { payload }) => {
          putChild(state, payload);
        },
      );
  },
});

export default shipmentsSlice.reducer;

const selectTable = (state: RootState) => state.entities.shipments;

export const { selectById: selectShipmentById } = createRecordSelectors(selectTable);

export const selectShipmentIdsOfMove = (state: RootState, moveTaskOrderID: string) =>
  idsOfMove(selectTable(state), moveTaskOrderID);
