import { describe, expect, it } from 'vitest';
import { latency, latencyFromEnv } from './latency';
import { server } from './node';
import { client } from './testApi';

describe('the mock’s latency', () => {
  it('holds each request for its time, then lets the mock answer it as usual', async () => {
    server.use(latency(200));
    const send = client();

    const start = performance.now();
    const queue = await send<{ totalCount: number }>('GET', '/queues/moves');

    // A timer may fire a millisecond early; never much more.
    expect(performance.now() - start).toBeGreaterThanOrEqual(195);
    expect(queue.status).toBe(200);
    expect(queue.body.totalCount).toBeGreaterThan(0);
  });

  it('reads whole milliseconds from the environment, and refuses anything else', () => {
    expect(latencyFromEnv(undefined)).toBe(0);
    expect(latencyFromEnv('')).toBe(0);
    expect(latencyFromEnv('300')).toBe(300);
    expect(() => latencyFromEnv('-5')).toThrow(/whole number of milliseconds, got '-5'/);
    expect(() => latencyFromEnv('fast')).toThrow(/got 'fast'/);
  });
});
