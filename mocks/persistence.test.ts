// @vitest-environment jsdom
// Each "tab" is a fresh copy of the mock's modules (as a reload or a second
// tab gets), with persistence on, sharing jsdom's localStorage with the others.
import { getResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED_LOCATORS } from './db';
import { STORAGE_KEY, type MockChange } from './persistence';
import type { Schemas } from './records';
import { client, expectMessage } from './testApi';

type Move = Schemas['Move'];

async function openTab(options: { moves?: number } = {}) {
  vi.resetModules();
  const [{ db }, { handlers }, payloads, persistence, devControls] = await Promise.all([
    import('./db'),
    import('./handlers'),
    import('./payloads'),
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
  /** The ready move as this tab's db has it now. */
  const ready = () => payloads.move(db.moveByLocator(SEED_LOCATORS.submitted)!);
  const setRemarks = (move: Move, tioRemarks: string) =>
    send<Move>('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
      ifMatch: move.eTag,
      body: { tioRemarks },
    });
  const getMoveTaskOrder = (id: string) =>
    send<Schemas['MoveTaskOrder']>('GET', `/move-task-orders/${id}`);
  return { db, send, ready, setRemarks, getMoveTaskOrder, ...devControls, ...persistence };
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
    const written = await tab.setRemarks(tab.ready(), 'Checked the weight ticket');
    expect(written.status).toBe(200);
    const before = tab.db.snapshot();

    const reloaded = await openTab();
    const answer = await reloaded.getMoveTaskOrder(written.body.id!);
    expect(answer.body.tioRemarks).toBeUndefined();
    expect(answer.body.eTag).toBe(written.body.eTag);
    expect(reloaded.ready()).toEqual(written.body);
    expect(reloaded.db.snapshot()).toEqual(before);
  });

  it("shows one tab's write to the other, and refuses the other's stale write with 412", async () => {
    const a = await openTab();
    const b = await openTab();
    const seen = b.ready();
    const written = await a.setRemarks(a.ready(), 'From tab A');

    expect((await b.getMoveTaskOrder(seen.id!)).body.eTag).toBe(written.body.eTag);
    expectMessage(await b.setRemarks(seen, 'From tab B'), 412);
    expect(a.ready().tioRemarks).toBe('From tab A');
    expect(b.ready().tioRemarks).toBe('From tab A');
  });

  it("shares a move's lock with the other tabs without telling them of a change", async () => {
    const a = await openTab();
    const b = await openTab();
    const changes: MockChange[] = [];
    const unsubscribe = b.subscribeToMockChanges((change) => changes.push(change));
    const before = a.ready();

    window.dispatchEvent(
      await storageEventOf(() => a.send('GET', `/move/${SEED_LOCATORS.submitted}`)),
    );
    expect(changes).toEqual([]);
    expect((await b.getMoveTaskOrder(before.id!)).body.eTag).toBe(before.eTag);
    expect(b.ready().lockedByOfficeUserID).toMatch(/^[0-9a-f-]{36}$/);
    unsubscribe();
  });

  it('never lets the clock run backwards across tabs and reloads', async () => {
    const a = await openTab();
    await a.send.csrfToken();
    // An hour ahead: within the CSRF cookie's 12 hours, so only the stamps tell.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_600_000);
    const future = await a.setRemarks(a.ready(), 'Written with a clock running ahead');
    vi.mocked(Date.now).mockRestore();
    expect(future.status).toBe(200);
    const aheadStamp = a.db.moveByLocator(SEED_LOCATORS.submitted)!.updatedAt;

    const b = await openTab();
    const later = await b.setRemarks(b.ready(), 'Written later, with the real clock');
    expect(later.status).toBe(200);
    // Within the same millisecond as the write ahead: only the stored microseconds and the eTag tell.
    const stamp = (tab: typeof a) => tab.db.moveByLocator(SEED_LOCATORS.submitted)!.updatedAt;
    expect(stamp(b) > aheadStamp).toBe(true);
    expect(later.body.eTag).not.toBe(future.body.eTag);
  });

  it('stores only what differs from the seed, even with 10,000 moves', async () => {
    const tab = await openTab({ moves: 10_000 });
    await tab.setRemarks(tab.ready(), 'Small');
    expect(localStorage.getItem(STORAGE_KEY)!.length).toBeLessThan(2_000);
    const reloaded = await openTab();
    expect(reloaded.db.all('move')).toHaveLength(10_000);
    expect(reloaded.ready().tioRemarks).toBe('Small');
  });

  it.each([
    ['under Web Locks', fakeWebLocks],
    ['in-process where there are no Web Locks', () => undefined],
  ])(
    'accepts exactly one of 30 writes with one eTag split across two tabs (%s)',
    async (_, setUp) => {
      const a = await openTab();
      const b = await openTab();
      // The session's first read, which hands out the CSRF cookie both tabs send.
      await a.send.csrfToken();
      const locks = setUp();
      const move = a.ready();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          (index % 2 ? a : b).setRemarks(move, `Write ${index}`),
        ),
      );
      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 412)).toHaveLength(29);
      expect(a.ready()).toEqual(winners[0].body);
      expect(b.ready()).toEqual(winners[0].body);
      if (locks) expect(locks).toHaveBeenCalledTimes(30);
    },
  );

  it('tells the other tabs which record changed, and which came back on a reset', async () => {
    const a = await openTab();
    const b = await openTab();
    const changes: MockChange[] = [];
    const unsubscribe = b.subscribeToMockChanges((change) => changes.push(change));
    const move = a.ready();

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
    const move = a.ready();
    await a.setRemarks(move, 'Undone by the reset');

    expect(await b.resetMockData()).toEqual([{ kind: 'move', id: move.id }]);
    expect((await a.getMoveTaskOrder(move.id!)).body.eTag).toBe(move.eTag);
    expect(a.db.snapshot().records).toEqual(seeded.records);
  });

  it("lets another user's change reach every tab, so the user's stale write gets 412", async () => {
    const a = await openTab();
    const b = await openTab();
    const move = a.ready();
    expect(await b.actAsAnotherUser('move', move.id!)).toMatch(/^Changed TIO remarks to '.+'$/);
    expectMessage(await a.setRemarks(move, 'Too late'), 412);
  });
});
