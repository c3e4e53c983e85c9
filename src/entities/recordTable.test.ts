import { createNextState as produce } from '@reduxjs/toolkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allRecords,
  emptyRecordTable,
  getRecord,
  mergeRecord,
  putRecord,
  removeRecord,
  shardPathOf,
  type RecordTable,
} from './recordTable';
import { emptyChildTable, idsOfMove, putChild, replaceChildrenOfMove } from './childrenOfMove';

interface Row {
  id: string;
  version: number;
  note?: string;
}

const SEED = 20261126;

type Op =
  | { kind: 'put'; id: string; version: number }
  | { kind: 'merge'; id: string; note: string }
  | { kind: 'remove'; id: string };

const idArb = fc.oneof(
  fc.uuid(),
  // Ids that share a long prefix, as sequential ones do.
  fc.nat(50).map((n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: idArb, version: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), id: idArb, note: fc.string() }),
  fc.record({ kind: fc.constant('remove' as const), id: idArb }),
);

function apply(table: RecordTable<Row>, op: Op) {
  if (op.kind === 'put') putRecord(table, { id: op.id, version: op.version });
  else if (op.kind === 'merge') mergeRecord(table, { id: op.id, note: op.note });
  else removeRecord(table, op.id);
}

function applyToModel(model: Map<string, Row>, op: Op) {
  if (op.kind === 'put') model.set(op.id, { id: op.id, version: op.version });
  else if (op.kind === 'merge')
    model.set(op.id, { ...model.get(op.id)!, id: op.id, note: op.note });
  else model.delete(op.id);
}

/** Every object reachable from `next` that is not also in `previous`. */
function newObjects(previous: unknown, next: unknown): number {
  const seen = new Set<unknown>();
  const collect = (value: unknown) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    Object.values(value).forEach(collect);
  };
  collect(previous);
  let count = 0;
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    count += 1;
    Object.values(value).forEach(walk);
  };
  walk(next);
  return count;
}

describe('record table', () => {
  it('behaves as a map of id to record under any sequence of changes (Immer drafts)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const model = new Map<string, Row>();
        let table = emptyRecordTable<Row>();
        for (const op of ops) {
          const before = table;
          const snapshot = JSON.stringify(before);
          table = produce(table, (draft) => apply(draft, op));
          applyToModel(model, op);
          // The previous state is never changed.
          expect(JSON.stringify(before)).toBe(snapshot);
        }
        for (const [id, row] of model) expect(getRecord(table, id)).toEqual(row);
        expect(allRecords(table)).toHaveLength(model.size);
        expect(new Set(allRecords(table).map((row) => row.id))).toEqual(new Set(model.keys()));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('copies one path of small shards to store one record among 10,000', () => {
    const ids = Array.from(
      { length: 10_000 },
      (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    );
    const table = produce(emptyRecordTable<Row>(), (draft) => {
      for (const id of ids) putRecord<Row>(draft, { id, version: 0 });
    });
    const next = produce(table, (draft) => {
      putRecord<Row>(draft, { id: ids[4321], version: 1 });
    });

    // The table, the trie's root, one shard a level below it and the record:
    // nothing else is new.
    expect(newObjects(table, next)).toBe(2 + shardPathOf(ids[4321]).length + 1);
    expect(getRecord(next, ids[1234])).toBe(getRecord(table, ids[1234]));
    // Sequential ids still spread over the leaves: none holds more than a few.
    const leaves = new Map<string, number>();
    for (const id of ids) {
      const key = shardPathOf(id).join('');
      leaves.set(key, (leaves.get(key) ?? 0) + 1);
    }
    expect(leaves.size).toBeGreaterThan(3_000);
    expect(Math.max(...leaves.values())).toBeLessThanOrEqual(12);
  });
});

interface Child {
  id: string;
  moveTaskOrderID: string;
  eTag: string;
}

const child = (id: string, eTag = 'v1', moveTaskOrderID = 'move-1'): Child => ({
  id,
  moveTaskOrderID,
  eTag,
});

describe('children of a move', () => {
  it('keeps the server’s order, forgets children no longer listed, and leaves other moves alone', () => {
    let table = produce(emptyChildTable<Child>(), (draft) => {
      replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b'), child('c')]);
      replaceChildrenOfMove(draft, 'move-2', [child('x', 'v1', 'move-2')]);
    });
    table = produce(table, (draft) =>
      replaceChildrenOfMove(draft, 'move-1', [child('c'), child('a')]),
    );

    expect(idsOfMove(table, 'move-1')).toEqual(['c', 'a']);
    expect(getRecord(table, 'b')).toBeUndefined();
    expect(idsOfMove(table, 'move-2')).toEqual(['x']);
    expect(idsOfMove(table, 'move-3')).toEqual([]);
  });

  it('keeps the stored objects and the id list when a refetch lists the same versions', () => {
    const table = produce(emptyChildTable<Child>(), (draft) =>
      replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b')]),
    );
    const next = produce(table, (draft) =>
      replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b', 'v2')]),
    );

    expect(next).not.toBe(table);
    expect(getRecord(next, 'a')).toBe(getRecord(table, 'a'));
    expect(getRecord(next, 'b')).toEqual(child('b', 'v2'));
    expect(idsOfMove(next, 'move-1')).toBe(idsOfMove(table, 'move-1'));
  });

  it('lists a child stored on its own after its move’s list', () => {
    const table = produce(emptyChildTable<Child>(), (draft) => {
      replaceChildrenOfMove(draft, 'move-1', [child('a')]);
      putChild(draft, child('a', 'v2'));
      putChild(draft, child('new'));
    });

    expect(idsOfMove(table, 'move-1')).toEqual(['a', 'new']);
    expect(getRecord(table, 'a')?.eTag).toBe('v2');
  });
});
