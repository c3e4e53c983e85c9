import type { StoreEnhancer } from '@reduxjs/toolkit';

/** What the store gains: its subscribers (React) told of changes later. */
export interface HoldsNotifications {
  /**
   * Until the returned release is called, the store's state changes as
   * dispatched but its subscribers are not told; on release they are told
   * once, if anything changed. Holds nest: the last release tells.
   */
  holdNotifications(): () => void;
}

/**
 * A store enhancer for a job that may end within a moment (Send to Prime's
 * two writes): what it changes is drawn once, with its end, instead of once
 * per step. Only rendering waits: thunks, listeners and selectors read the
 * latest state throughout, so a write's `condition` still sees a write in
 * flight on its record.
 */
export const holdableNotifications: StoreEnhancer<HoldsNotifications> =
  (createStore) =>
  (...args) => {
    const store = createStore(...args);
    const listeners = new Set<{ listener: () => void }>();
    let holds = 0;
    let missed = false;
    const notify = () => {
      missed = false;
      for (const entry of [...listeners]) {
        // One unsubscribed by an earlier listener of this round is not told.
        if (listeners.has(entry)) entry.listener();
      }
    };
    store.subscribe(() => {
      if (holds > 0) missed = true;
      else notify();
    });
    return {
      ...store,
      subscribe(listener: () => void) {
        const entry = { listener };
        listeners.add(entry);
        return () => {
          listeners.delete(entry);
        };
      },
      holdNotifications() {
        holds += 1;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          holds -= 1;
          if (holds === 0 && missed) notify();
        };
      },
    };
  };
