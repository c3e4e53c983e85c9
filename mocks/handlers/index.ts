import { customerHandlers } from './customer';
import { moveHandlers } from './move';
import { moveTaskOrderHandlers } from './moveTaskOrder';
import { mtoServiceItemHandlers } from './mtoServiceItem';
import { mtoShipmentHandlers } from './mtoShipment';
import { orderHandlers } from './order';
import { unknown } from '../operation';
import { queuesHandlers } from './queues';
import { shipmentHandlers } from './shipment';

/** The whole GHC API, one module per tag of the OpenAPI document. */
export const handlers = [
  ...queuesHandlers,
  ...moveHandlers,
  ...moveTaskOrderHandlers,
  ...customerHandlers,
  ...orderHandlers,
  ...mtoShipmentHandlers,
  ...shipmentHandlers,
  ...mtoServiceItemHandlers,
  unknown,
];
