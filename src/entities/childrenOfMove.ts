import { createEntityAdapter, type EntityState } from '@reduxjs/toolkit';

interface Child {
  id: string;
  moveTaskOrderID: string;
  eTag: string;
}

/**
 * A move's child records (shipments, service items) in the adapter's shape,
 * plus, per move, the ids of its children in the order the server lists
 * them. A list reads its ids in one step, and storing one child leaves them
 * alone.
 */
export interface ChildrenState<T> extends EntityState<T, string> {
  idsOfMove: Record<string, string[]>;
}

const NO_IDS: string[] = [];

function sameIds(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * An entity adapter for a move's children, with the case reducers the
 * slices share. The reducers are meant for Immer drafts.
 */
export function createChildrenAdapter<T extends Child>() {
  const adapter = createEntityAdapter<T>();

  return {
    getInitialState: (): ChildrenState<T> => adapter.getInitialState({ idsOfMove: {} }),

    /**
     * Stores a move's freshly listed children whole and forgets the ones the
     * server no longer lists (a colleague removed them), so nothing shows a
     * record that is gone. A child listed at the version already stored
     * keeps its stored object, so its row does not re-render.
     */
    replaceChildrenOfMove(state: ChildrenState<T>, moveTaskOrderID: string, listed: T[]) {
      const listedIDs = listed.map((child) => child.id);
      const stillListed = new Set(listedIDs);
      const known = state.idsOfMove[moveTaskOrderID] ?? NO_IDS;
      adapter.removeMany(
        state,
        known.filter((id) => !stillListed.has(id)),
      );
      adapter.setMany(
        state,
        listed.filter((child) => state.entities[child.id]?.eTag !== child.eTag),
      );
      if (!sameIds(known, listedIDs)) state.idsOfMove[moveTaskOrderID] = listedIDs;
    },

    /** Stores one child whole; a child not seen before joins its move's list. */
    putChild(state: ChildrenState<T>, child: T) {
      const isNew = !(child.id in state.entities);
      adapter.setOne(state, child);
      if (isNew) (state.idsOfMove[child.moveTaskOrderID] ??= []).push(child.id);
    },

    /** Lets go of the children of moves the store no longer keeps (see recentMoves.ts). */
    forgetMoves(state: ChildrenState<T>, moveTaskOrderIDs: string[], childIDs: string[]) {
      adapter.removeMany(state, childIDs);
      for (const id of moveTaskOrderIDs) delete state.idsOfMove[id];
    },

    /**
     * The adapter's selectors, and the ids of a move's children. That array
     * keeps its identity while the ids are the same, so a list re-renders
     * only when a child is added or removed; each row subscribes to its own
     * record by id.
     */
    getSelectors<S>(selectState: (state: S) => ChildrenState<T>) {
      const { selectById, selectAll } = adapter.getSelectors(selectState);
      return {
        selectById: selectById as (state: S, id: string) => T | undefined,
        selectAll,
        selectIdsOfMove: (state: S, moveTaskOrderID: string): string[] =>
          selectState(state).idsOfMove[moveTaskOrderID] ?? NO_IDS,
      };
    },
  };
}
