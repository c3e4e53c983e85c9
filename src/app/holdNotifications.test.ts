import { configureStore, createAction, createSlice, prepareAutoBatched } from '@reduxjs/toolkit';
import { describe, expect, it, vi } from 'vitest';
import { holdableNotifications } from './holdNotifications';
import { setupStore } from './store';

const counter = createSlice({
  name: 'counter',
  initialState: 0,
  reducers: { add: (state) => state + 1 },
});

const newStore = () =>
  configureStore({
    reducer: counter.reducer,
    enhancers: (getDefaultEnhancers) => getDefaultEnhancers().concat(holdableNotifications),
  });

describe('holdableNotifications', () => {
  it('tells subscribers of each change while nothing holds them', () => {
    const store = newStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch(counter.actions.add());
    store.dispatch(counter.actions.add());
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps every change in the state while held, and tells once on release', () => {
    const store = newStore();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getState()));
    const release = store.holdNotifications();
    store.dispatch(counter.actions.add());
    store.dispatch(counter.actions.add());
    expect(store.getState()).toBe(2);
    expect(seen).toEqual([]);
    release();
    expect(seen).toEqual([2]);
    // A release called twice tells nothing more.
    release();
    expect(seen).toEqual([2]);
  });

  it('tells nothing on release when nothing was dispatched', () => {
    const store = newStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.holdNotifications()();
    expect(listener).not.toHaveBeenCalled();
  });

  it('nests: the last release tells', () => {
    const store = newStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const outer = store.holdNotifications();
    const inner = store.holdNotifications();
    store.dispatch(counter.actions.add());
    inner();
    expect(listener).not.toHaveBeenCalled();
    outer();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not tell a subscriber unsubscribed by an earlier one in the same round', () => {
    const store = newStore();
    const second = vi.fn();
    let unsubscribeSecond = () => {};
    store.subscribe(() => unsubscribeSecond());
    unsubscribeSecond = store.subscribe(second);
    store.dispatch(counter.actions.add());
    expect(second).not.toHaveBeenCalled();
    store.dispatch(counter.actions.add());
    expect(second).not.toHaveBeenCalled();
  });

  it('holds in the app’s store the notices Redux Toolkit batches to later, as RTK Query’s', async () => {
    const store = setupStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const release = store.holdNotifications();
    // An action marked for batching: autoBatchEnhancer tells its subscribers on a later frame.
    store.dispatch(createAction('test/batched', prepareAutoBatched<number>())(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(listener).not.toHaveBeenCalled();
    release();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
