import { describe, expect, it } from 'vitest';
import { latency, latencyFromEnv } from './latency';
import { server } from './node';
import type { Schemas } from './records';
import { client } from './testApi';

describe('the mock’s latency', () => {
  it('holds each request for its time, then lets the mock answer it as usual', async () => {
    server.use(latency(200));
    const send = client();

    const start = performance.now();
    const queue = await send<Schemas['QueueMovesResult']>('GET', '/queues/moves');

    // A timer may fire a millisecond early; never much more.
    expect(performance.now() - start).toBeGreaterThanOrEqual(195);
    // The seed's ten moves that wait for the TOO, as without latency.
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ page: 1, perPage: 20, totalCount: 10 });
  });

  it('reads whole milliseconds from the environment, and refuses anything else', () => {
    expect(latencyFromEnv(undefined)).toBe(0);
    expect(latencyFromEnv('')).toBe(0);
    expect(latencyFromEnv('300')).toBe(300);
    expect(() => latencyFromEnv('-5')).toThrow(/whole number of milliseconds, got '-5'/);
    expect(() => latencyFromEnv('fast')).toThrow(/got 'fast'/);
  });
});
