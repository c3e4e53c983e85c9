import { combineReducers, configureStore } from '@reduxjs/toolkit';
import customers from '../entities/customers/customersSlice';
import moveTaskOrders from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import orders from '../entities/orders/ordersSlice';
import { queueApi } from '../entities/queue/queueApi';
import recentMoves from '../entities/recentMoves';
import serviceItems from '../entities/serviceItems/serviceItemsSlice';
import shipments from '../entities/shipments/shipmentsSlice';
import inFlight from '../writes/inFlight';
import newerVersions from '../writes/newerVersions';
import ownWrites from '../writes/ownWrites';
import { holdableNotifications } from './holdNotifications';
import { listenerMiddleware } from './listeners';

// Records live under state.entities.<type>, eTag included, as in the reference.
const rootReducer = combineReducers({
  entities: combineReducers({ moveTaskOrders, customers, orders, shipments, serviceItems }),
  // Whose records the entities keep (entities/recentMoves.ts).
  recentMoves,
  // The queue's pages: RTK Query's cache, one entry per query (entities/queue/queueApi.ts).
  [queueApi.reducerPath]: queueApi.reducer,
  // The concurrency core's state (src/writes): writes in flight, the versions
  // this tab's own writes made, and newer versions the server has of records shown.
  writes: combineReducers({ inFlight, ownWrites, newerVersions }),
});

export type RootState = ReturnType<typeof rootReducer>;

export function setupStore(preloadedState?: Partial<RootState>) {
  return configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware().prepend(listenerMiddleware.middleware).concat(queueApi.middleware),
    // After middleware, which its types are read from. A quick job (Send to
    // Prime) is drawn once, with its end (holdNotifications.ts). Outermost,
    // so it holds the notices autoBatchEnhancer sends later (RTK Query's) too.
    enhancers: (getDefaultEnhancers) => getDefaultEnhancers().prepend(holdableNotifications),
  });
}

export type AppStore = ReturnType<typeof setupStore>;
export type AppDispatch = AppStore['dispatch'];
