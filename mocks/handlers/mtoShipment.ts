import { db } from '../db';
import { message, ok } from '../http';
import { operation } from '../operation';
import * as payloads from '../payloads';

export const mtoShipmentHandlers = [
  // Each shipment carries its own eTag. The move's `show` flag is not looked at here.
  operation({
    method: 'get',
    path: '/move_task_orders/:moveTaskOrderID/mto_shipments',
    operationId: 'listMTOShipments',
    handle({ path }) {
      const id = path.moveTaskOrderID.toLowerCase();
      if (!db.find('move', id)) return message(404, `ID: ${id} not found move not found`);
      return ok(db.shipmentsOf(id).map(payloads.shipment));
    },
  }),
];
