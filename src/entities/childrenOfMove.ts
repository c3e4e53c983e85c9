import { createSelector } from '@reduxjs/toolkit';
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
