import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import type { MTOShipment } from '../../api/models';
import { expectRecord, expectRecords } from '../../api/records';
import { request } from '../../api/request';
import { createApiThunk, createWriteThunk, withPositionalArgs } from '../../writes/thunks';
import { createChildrenAdapter, type ChildrenState } from '../childrenOfMove';
import { moveOpened } from '../recentMoves';

// Each shipment is written with its own eTag, never the move's (decision 0049).
const KEYS = ['id', 'moveTaskOrderID', 'shipmentType', 'status', 'eTag'] as const;
const asShipment = expectRecord<MTOShipment>('shipment', KEYS);
const asShipments = expectRecords<MTOShipment>('shipment', KEYS);

const shipmentsAdapter = createChildrenAdapter<MTOShipment>();

/** The part of the store this slice keeps. */
interface ShipmentsState {
  entities: { shipments: ChildrenState<MTOShipment> };
}

export const listMTOShipments = createApiThunk(
  'shipments/listMTOShipments',
  (moveTaskOrderID: string) =>
    request('mtoShipment.listMTOShipments', { moveTaskOrderID }).then(asShipments),
);

/**
 * Approving a shipment saves its move (and makes it available to the
 * Prime) and creates its service items: a listener fetches both.
 */
export const approveShipment = withPositionalArgs(
  createWriteThunk(
    'shipments/approveShipment',
    (arg: { shipmentID: string; ifMatchETag: string }) =>
      request('shipment.approveShipment', {
        shipmentID: arg.shipmentID,
        'If-Match': arg.ifMatchETag,
      }).then(asShipment),
    (arg) => arg.shipmentID,
  ),
  (shipmentID: string, ifMatchETag: string) => ({ shipmentID, ifMatchETag }),
);

/**
 * Approves several shipments of one move at once, all or nothing, each on its
 * own eTag (in the body: this write has no If-Match), in the order given. It
 * saves the move too and makes it available to the Prime: the move is one of
 * the records in flight, and a listener fetches it and the new service items.
 */
export const approveShipments = withPositionalArgs(
  createWriteThunk(
    'shipments/approveShipments',
    (arg: {
      moveTaskOrderID: string;
      shipmentIDs: string[];
      ifMatchETags: Record<string, string>;
    }) =>
      request(
        'shipment.approveShipments',
        {},
        {
          approveShipments: arg.shipmentIDs.map((shipmentID) => ({
            shipmentID,
            eTag: arg.ifMatchETags[shipmentID],
          })),
        },
      ).then(asShipments),
    (arg) => [arg.moveTaskOrderID, ...arg.shipmentIDs],
  ),
  (moveTaskOrderID: string, shipments: Pick<MTOShipment, 'id' | 'eTag'>[]) => ({
    moveTaskOrderID,
    shipmentIDs: shipments.map(({ id }) => id),
    ifMatchETags: Object.fromEntries(shipments.map(({ id, eTag }) => [id, eTag])),
  }),
);

export const rejectShipment = withPositionalArgs(
  createWriteThunk(
    'shipments/rejectShipment',
    (arg: { shipmentID: string; ifMatchETag: string; rejectionReason: string }) =>
      request(
        'shipment.rejectShipment',
        { shipmentID: arg.shipmentID, 'If-Match': arg.ifMatchETag },
        { rejectionReason: arg.rejectionReason },
      ).then(asShipment),
    (arg) => arg.shipmentID,
  ),
  (shipmentID: string, ifMatchETag: string, rejectionReason: string) => ({
    shipmentID,
    ifMatchETag,
    rejectionReason,
  }),
);

const shipmentsSlice = createSlice({
  name: 'shipments',
  initialState: shipmentsAdapter.getInitialState(),
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(listMTOShipments.fulfilled, (state, { payload, meta }) => {
        shipmentsAdapter.replaceChildrenOfMove(state, meta.arg, payload);
      })
      .addCase(moveOpened, (state, { payload: { dropped } }) => {
        shipmentsAdapter.forgetMoves(state, dropped.moveTaskOrders, dropped.shipments);
      })
      .addCase(approveShipments.fulfilled, (state, { payload }) => {
        for (const shipment of payload) shipmentsAdapter.putChild(state, shipment);
      })
      .addMatcher(
        isAnyOf(approveShipment.fulfilled, rejectShipment.fulfilled),
        (state, { payload }) => {
          shipmentsAdapter.putChild(state, payload);
        },
      );
  },
});

export default shipmentsSlice.reducer;

export const {
  selectById: selectShipmentById,
  selectAll: selectAllShipments,
  selectIdsOfMove: selectShipmentIdsOfMove,
} = shipmentsAdapter.getSelectors((state: ShipmentsState) => state.entities.shipments);
