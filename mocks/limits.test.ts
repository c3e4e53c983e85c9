// The limits of limits.ts in the mock as a page runs it (the service worker,
// jsdom), where no HTTP server stands in front: a body over 1 MB is a 413, headers
// over 1 MB a 431, before anything is judged or changed. The HTTP server's
// side (Content-Length, chunked bodies, time) is in serverLimits.test.ts.
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from './db';
import { MAX_BODY_BYTES, MAX_HEADER_BYTES } from './limits';
import { setMockProfile } from './profile';
import type { Schemas } from './records';
import { seededMove, send } from './testApi';

function remarksWrite(tioRemarks: string, ifMatch?: string) {
  const { move } = seededMove(SEED_LOCATORS.submitted);
  return send<Schemas['Move']>('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
    ifMatch: ifMatch ?? move.eTag,
    body: { tioRemarks },
  });
}

describe('the limits of the mock in a page', () => {
  it('refuses a body over 1 MB with 413 and a problem body, and changes nothing', async () => {
    await send.csrfToken();
    const before = db.snapshot();
    const refused = await remarksWrite('x'.repeat(MAX_BODY_BYTES));
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      title: 'Payload Too Large',
      instance: refused.headers.get('X-MILMOVE-TRACE-ID'),
      detail: `The request body is larger than ${MAX_BODY_BYTES} bytes, the most this server takes.`,
    });
    expect(db.snapshot()).toEqual(before);
  });

  it('takes a body just under 1 MB as usual', async () => {
    const tioRemarks = 'x'.repeat(MAX_BODY_BYTES - 100);
    const written = await remarksWrite(tioRemarks);
    expect(written.status).toBe(200);
    expect(written.body.tioRemarks).toBe(tioRemarks);
  });

  it('refuses headers over 1 MB with 431, on any route, and changes nothing', async () => {
    await send.csrfToken();
    const before = db.snapshot();
    const long = `"old"${' '.repeat(MAX_HEADER_BYTES)}x`;
    expect((await remarksWrite('Long If-Match', long)).status).toBe(431);
    expect((await send('GET', '/no-such-route', { headers: { 'X-Long': long } })).status).toBe(431);
    expect(db.snapshot()).toEqual(before);
  });

  it('answers an If-Match of almost a megabyte of blanks with 412, at once, in either profile', async () => {
    const blanks = ' '.repeat(MAX_HEADER_BYTES - 4096);
    for (const profile of ['ghc', 'rfc9110'] as const) {
      setMockProfile(profile);
      const start = performance.now();
      expect((await remarksWrite('Blanks', `"old"${blanks}x`)).status).toBe(412);
      expect(
        (
          await remarksWrite(
            'Blanks',
            `${blanks.slice(blanks.length / 2)}\xa0${blanks.slice(blanks.length / 2)}`,
          )
        ).status,
      ).toBe(412);
      // The regular expressions this replaced took about 220 ms for 16 KB, minutes for this.
      expect(performance.now() - start).toBeLessThan(2_000);
    }
    setMockProfile('ghc');
  });
});
