import { createNextState as produce } from '@reduxjs/toolkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChildrenAdapter, type ChildrenState } from './childrenOfMove';

interface Child {
  id: string;
  moveTaskOrderID: string;
  eTag: string;
}

const SEED = 20261126;

const children = createChildrenAdapter<Child>();
const { selectById, selectAll, selectIdsOfMove } = children.getSelectors(
  (state: ChildrenState<Child>) => state,
);

const child = (id: string, eTag = 'v1', moveTaskOrderID = 'move-1'): Child => ({
  id,
  moveTaskOrderID,
  eTag,
});

type Op =
  | { kind: 'list'; moveTaskOrderID: string; listed: Child[] }
  | { kind: 'put'; child: Child }
  | { kind: 'forget'; moveTaskOrderID: string };

// A few moves with a few children each, so that lists, puts and forgets meet.
const moveArb = fc.constantFrom('move-1', 'move-2', 'move-3');
const childOf = (moveTaskOrderID: string) =>
  fc
    .record({ n: fc.nat(5), eTag: fc.constantFrom('v1', 'v2', 'v3') })
    .map(({ n, eTag }) => child(`${moveTaskOrderID}/child-${n}`, eTag, moveTaskOrderID));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  moveArb.chain((moveTaskOrderID) =>
    fc
      .uniqueArray(childOf(moveTaskOrderID), { selector: (c) => c.id, maxLength: 5 })
      .map((listed) => ({ kind: 'list' as const, moveTaskOrderID, listed })),
  ),
  moveArb.chain(childOf).map((c) => ({ kind: 'put' as const, child: c })),
  moveArb.map((moveTaskOrderID) => ({ kind: 'forget' as const, moveTaskOrderID })),
);

function apply(state: ChildrenState<Child>, op: Op) {
  if (op.kind === 'list') children.replaceChildrenOfMove(state, op.moveTaskOrderID, op.listed);
  else if (op.kind === 'put') children.putChild(state, op.child);
  else {
    const ids = state.idsOfMove[op.moveTaskOrderID] ?? [];
    children.forgetMoves(state, [op.moveTaskOrderID], [...ids]);
  }
}

/** The same rules on a plain model: per move, its children in order. */
function applyToModel(model: Map<string, Child[]>, op: Op) {
  if (op.kind === 'list') model.set(op.moveTaskOrderID, op.listed);
  else if (op.kind === 'forget') model.delete(op.moveTaskOrderID);
  else {
    const list = model.get(op.child.moveTaskOrderID) ?? [];
    const at = list.findIndex((c) => c.id === op.child.id);
    model.set(
      op.child.moveTaskOrderID,
      at < 0 ? [...list, op.child] : list.map((c, index) => (index === at ? op.child : c)),
    );
  }
}

describe('children of a move', () => {
  it('holds each move’s children in the adapter’s shape under any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const model = new Map<string, Child[]>();
        let state = children.getInitialState();
        for (const op of ops) {
          const before = state;
          const snapshot = JSON.stringify(before);
          state = produce(state, (draft) => apply(draft, op));
          applyToModel(model, op);
          // The previous state is never changed.
          expect(JSON.stringify(before)).toBe(snapshot);
        }
        const modelled = [...model.values()].flat();
        for (const [moveTaskOrderID, list] of model) {
          expect(selectIdsOfMove(state, moveTaskOrderID)).toEqual(list.map((c) => c.id));
        }
        for (const c of modelled) expect(state.entities[c.id]).toEqual(c);
        // `ids` and `entities` agree, and hold nothing the moves do not list.
        expect(new Set(state.ids)).toEqual(new Set(Object.keys(state.entities)));
        expect(state.ids).toHaveLength(modelled.length);
        expect(selectAll(state)).toHaveLength(modelled.length);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('keeps the server’s order, forgets children no longer listed, and leaves other moves alone', () => {
    let state = produce(children.getInitialState(), (draft) => {
      children.replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b'), child('c')]);
      children.replaceChildrenOfMove(draft, 'move-2', [child('x', 'v1', 'move-2')]);
    });
    state = produce(state, (draft) =>
      children.replaceChildrenOfMove(draft, 'move-1', [child('c'), child('a')]),
    );

    expect(selectIdsOfMove(state, 'move-1')).toEqual(['c', 'a']);
    expect(selectById(state, 'b')).toBeUndefined();
    expect(state.ids).not.toContain('b');
    expect(selectIdsOfMove(state, 'move-2')).toEqual(['x']);
    expect(selectIdsOfMove(state, 'move-3')).toEqual([]);
  });

  it('keeps the stored objects and the id list when a refetch lists the same versions', () => {
    const state = produce(children.getInitialState(), (draft) =>
      children.replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b')]),
    );
    const next = produce(state, (draft) =>
      children.replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b', 'v2')]),
    );

    expect(next).not.toBe(state);
    expect(selectById(next, 'a')).toBe(selectById(state, 'a'));
    expect(selectById(next, 'b')).toEqual(child('b', 'v2'));
    expect(selectIdsOfMove(next, 'move-1')).toBe(selectIdsOfMove(state, 'move-1'));
    expect(next.ids).toBe(state.ids);
  });

  it('lists a child stored on its own after its move’s list', () => {
    const state = produce(children.getInitialState(), (draft) => {
      children.replaceChildrenOfMove(draft, 'move-1', [child('a')]);
      children.putChild(draft, child('a', 'v2'));
      children.putChild(draft, child('new'));
    });

    expect(selectIdsOfMove(state, 'move-1')).toEqual(['a', 'new']);
    expect(state.entities.a.eTag).toBe('v2');
  });

  it('stores one child without copying the other children or any move’s list', () => {
    const state = produce(children.getInitialState(), (draft) => {
      children.replaceChildrenOfMove(draft, 'move-1', [child('a'), child('b')]);
      children.replaceChildrenOfMove(draft, 'move-2', [child('x', 'v1', 'move-2')]);
    });
    const next = produce(state, (draft) => children.putChild(draft, child('b', 'v2')));

    expect(next.entities.a).toBe(state.entities.a);
    expect(next.ids).toBe(state.ids);
    expect(next.idsOfMove).toBe(state.idsOfMove);
  });
});
