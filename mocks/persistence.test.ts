// @vitest-environment jsdom
// Each "tab" is a fresh copy of the mock's modules (as a reload or a second
// tab gets), with persistence on, sharing jsdom's localStorage with the others.
import { getResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED_LOCATORS } from './db';
import { STORAGE_KEY, type MockChange } from './persistence';
import type { Schemas } from './records';
import { client, expectProblem, quoted } from './testApi';

type Move = Schemas['MoveTaskOrder'];

async function openTab(options: { moves?: number } = {}) {
  vi.resetModules();
  const [{ db }, { handlers }, persistence, devControls] = await Promise.all([
    import('./db'),
    import('./handlers'),
    import('./persistence'),
    import('./devControls'),
  ]);
  persistence.enablePersistence(options);
  const all = [persistence.catchUpWithOtherTabs, ...handlers];
  const send = client(async (request) => {
    const response = await getResponse(all, request);
    if (!response) throw new Error(`No handler for ${request.method} ${request.url}`);
    return response;
  });
  const draft = () => db.moveByLocator(SEED_LOCATORS.draft)!;
  const setRemarks = (move: Move, tioRemarks: string) =>
    send<Move>('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
      ifMatch: quoted(move.eTag),
      body: { tioRemarks },
    });
  const getMove = (id: string) => send<Move>('GET', `/move-task-orders/${id}`);
  return { db, send, draft, setRemarks, getMove, ...devControls, ...persistence };
}

/** What another tab's storage event would carry for a change made by `change`. */
async function storageEventOf(change: () => Promise<unknown>, key = STORAGE_KEY) {
  const oldValue = localStorage.getItem(key);
  await change();
  return new StorageEvent('storage', { key, oldValue, newValue: localStorage.getItem(key) });
}

/** Serializes callbacks like the browser's Web Locks, a task later, to let writes interleave. */
function fakeWebLocks() {
  let queue: Promise<unknown> = Promise.resolve();
  const request = vi.fn((_name: string, callback: () => unknown) => {
    const granted = queue.then(() => new Promise((resolve) => setTimeout(resolve))).then(callback);
    queue = granted.catch(() => undefined);
    return granted;
  });
  Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
  return request;
}

beforeEach(() => {
  localStorage.clear();
  return () => {
    Reflect.deleteProperty(navigator, 'locks');
  };
});

describe('mock data in the browser', () => {
  it('keeps a write across a reload, with every eTag as it was', async () => {
    const tab = await openTab();
    const written = await tab.setRemarks(tab.draft(), 'Checked the weight ticket');
    const before = tab.db.snapshot();

    const reloaded = await openTab();
    const answer = await reloaded.getMove(written.body.id);
    expect(answer.body).toEqual(written.body);
    expect(answer.etag).toBe(quoted(written.body.eTag));
    expect(reloaded.db.snapshot()).toEqual(before);
  });

  it("shows one tab's write to the other, and refuses the other's stale write with 412", async () => {
    const a = await openTab();
    const b = await openTab();
    const seen = b.draft();
    const written = await a.setRemarks(a.draft(), 'From tab A');

    expect((await b.getMove(seen.id)).body).toEqual(written.body);
    expectProblem(await b.setRemarks(seen, 'From tab B'), 412);
    expect((await a.getMove(seen.id)).body.tioRemarks).toBe('From tab A');
  });

  it('never lets the clock run backwards across tabs and reloads', async () => {
    const a = await openTab();
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 0, 1));
    const future = await a.setRemarks(a.draft(), 'Written with a clock running ahead');
    vi.mocked(Date.now).mockRestore();

    const b = await openTab();
    const { body } = await b.setRemarks(b.draft(), 'Written later, with the real clock');
    expect(body.updatedAt > future.body.updatedAt).toBe(true);
    expect(body.eTag).not.toBe(future.body.eTag);
  });

  it('stores only what differs from the seed, even with 10,000 moves', async () => {
    const tab = await openTab({ moves: 10_000 });
    await tab.setRemarks(tab.draft(), 'Small');
    expect(localStorage.getItem(STORAGE_KEY)!.length).toBeLessThan(2_000);
    expect((await openTab()).db.queueMoves()).toHaveLength(10_000);
  });

  it.each([
    ['under Web Locks', fakeWebLocks],
    ['in-process where there are no Web Locks', () => undefined],
  ])(
    'accepts exactly one of 30 writes with one tag split across two tabs (%s)',
    async (_, setUp) => {
      const locks = setUp();
      const a = await openTab();
      const b = await openTab();
      const move = a.draft();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          (index % 2 ? a : b).setRemarks(move, `Write ${index}`),
        ),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 412)).toHaveLength(29);
      if (locks) expect(locks).toHaveBeenCalledTimes(30);
    },
  );

  it('tells the other tabs which record changed, and which came back on a reset', async () => {
    const a = await openTab();
    const b = await openTab();
    const changes: MockChange[] = [];
    const unsubscribe = b.subscribeToMockChanges((change) => changes.push(change));
    const move = a.draft();

    window.dispatchEvent(await storageEventOf(() => a.setRemarks(move, 'Noticed')));
    expect(changes).toEqual([{ kind: 'move', id: move.id }]);

    window.dispatchEvent(await storageEventOf(() => a.resetMockData()));
    expect(changes).toEqual([
      { kind: 'move', id: move.id },
      { kind: 'move', id: move.id },
    ]);
    unsubscribe();
  });

  it('resets every tab to the seed, even the one whose write is undone', async () => {
    const a = await openTab();
    const b = await openTab();
    const seeded = a.db.snapshot();
    const move = a.draft();
    await a.setRemarks(move, 'Undone by the reset');

    expect(await b.resetMockData()).toEqual([{ kind: 'move', id: move.id }]);
    expect((await a.getMove(move.id)).body).toEqual(move);
    expect(a.db.snapshot().records).toEqual(seeded.records);
  });

  it("lets another user's change reach every tab, so the user's stale write gets 412", async () => {
    const a = await openTab();
    const b = await openTab();
    const move = a.draft();
    expect(await b.actAsAnotherUser('move', move.id)).toMatch(/^Changed TIO remarks to '.+'$/);
    expectProblem(await a.setRemarks(move, 'Too late'), 412);
  });
});
