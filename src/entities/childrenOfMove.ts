import { getRecord, putRecord, removeRecord, type RecordTable } from './recordTable';

interface Child {
  id: string;
  moveTaskOrderID: string;
  eTag: string;
}

/**
 * A move's child records (shipments, service items): a record table plus,
 * per move, the ids of its children in the order the server lists them. A
 * list reads its ids in one step, and storing one child leaves them alone.
 */
export interface ChildTable<T> extends RecordTable<T> {
  idsOfMove: Record<string, string[]>;
}

const NO_IDS: string[] = [];

export function emptyChildTable<T>(): ChildTable<T> {
  return { shards: {}, idsOfMove: {} };
}

function sameIds(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * Ids of a move's children. The array keeps its identity while the ids are
 * the same, so a list re-renders only when a child is added or removed; each
 * row subscribes to its own record by id.
 */
export function idsOfMove<T>(table: ChildTable<T>, moveTaskOrderID: string): string[] {
  return table.idsOfMove[moveTaskOrderID] ?? NO_IDS;
}

/**
 * Stores a move's freshly listed children whole and forgets the ones the
 * server no longer lists (a colleague removed them), so nothing shows a
 * record that is gone. A child listed at the version already stored keeps
 * its stored object, so its row does not re-render.
 */
export function replaceChildrenOfMove<T extends Child>(
  table: ChildTable<T>,
  moveTaskOrderID: string,
  listed: NoInfer<T>[],
) {
  const listedIDs = listed.map((child) => child.id);
  const stillListed = new Set(listedIDs);
  const known = idsOfMove(table, moveTaskOrderID);
  for (const id of known) if (!stillListed.has(id)) removeRecord(table, id);
  for (const child of listed) {
    if (getRecord(table, child.id)?.eTag !== child.eTag) putRecord(table, child);
  }
  if (!sameIds(known, listedIDs)) table.idsOfMove[moveTaskOrderID] = listedIDs;
}

/** Stores one child whole; a child not seen before joins its move's list. */
export function putChild<T extends Child>(table: ChildTable<T>, child: NoInfer<T>) {
  if (putRecord(table, child)) (table.idsOfMove[child.moveTaskOrderID] ??= []).push(child.id);
}
