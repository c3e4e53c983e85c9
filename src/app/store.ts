import { combineReducers, configureStore } from '@reduxjs/toolkit';
import customers from '../entities/customers/customersSlice';
import moveTaskOrders from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import orders from '../entities/orders/ordersSlice';
import { queueApi } from '../entities/queue/queueApi';
import recentMoves from '../entities/recentMoves';
import serviceItems from '../entities/serviceItems/serviceItemsSlice';
import shipments from '../entities/shipments/shipmentsSlice';
import newerVersions from '../entities/newerVersions';
import writesInFlight from '../entities/writesInFlight';
import { listenerMiddleware } from './listeners';

// Records live under state.entities.<type>, eTag included, as in the reference.
const rootReducer = combineReducers({
  entities: combineReducers({ moveTaskOrders, customers, orders, shipments, serviceItems }),
  // Whose records the entities keep (entities/recentMoves.ts).
  recentMoves,
  // The queue's pages: RTK Query's cache, one entry per query (entities/queue/queueApi.ts).
  [queueApi.reducerPath]: queueApi.reducer,
  writesInFlight,
  newerVersions,
});

export type RootState = ReturnType<typeof rootReducer>;

export function setupStore(preloadedState?: Partial<RootState>) {
  return configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware().prepend(listenerMiddleware.middleware).concat(queueApi.middleware),
  });
}

export type AppStore = ReturnType<typeof setupStore>;
export type AppDispatch = AppStore['dispatch'];
