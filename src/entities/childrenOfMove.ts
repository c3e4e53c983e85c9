import { createSelector, type EntityAdapter, type EntityState } from '@reduxjs/toolkit';
import type { RootState } from '../app/store';

function sameIds(a: string[], b: string[]) {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * Ids of a move's child records (shipments, service items). The result keeps
 * its identity while the ids are the same, so a list re-renders only when a
 * child is added or removed; each row subscribes to its own record by id.
 */
export function createSelectIdsOfMove<Child extends { id: string; moveTaskOrderID: string }>(
  selectAll: (state: RootState) => Child[],
) {
  return createSelector(
    [selectAll, (_state: RootState, moveTaskOrderID: string) => moveTaskOrderID],
    (children, moveTaskOrderID) =>
      children
        .filter((child) => child.moveTaskOrderID === moveTaskOrderID)
        .map((child) => child.id),
    { memoizeOptions: { resultEqualityCheck: sameIds } },
  );
}

/**
 * Stores a move's freshly listed children whole and forgets the ones the
 * server no longer lists (a colleague removed them), so nothing shows a
 * record that is gone.
 */
export function replaceChildrenOfMove<Child extends { id: string; moveTaskOrderID: string }>(
  adapter: EntityAdapter<Child, string>,
  state: EntityState<Child, string>,
  moveTaskOrderID: string,
  listed: Child[],
) {
  const listedIDs = new Set(listed.map((child) => child.id));
  const gone = Object.values(state.entities)
    .filter((child) => child.moveTaskOrderID === moveTaskOrderID && !listedIDs.has(child.id))
    .map((child) => child.id);
  adapter.removeMany(state, gone);
  adapter.setMany(state, listed);
}
