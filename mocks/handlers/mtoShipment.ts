import { http } from 'msw';
import { db } from '../db';
import { API, listOfMove } from '../http';

export const mtoShipmentHandlers = [
  http.get(
    `${API}/move_task_orders/:moveTaskOrderID/mto_shipments`,
    listOfMove((moveId) => db.shipmentsOf(moveId)),
  ),
];
