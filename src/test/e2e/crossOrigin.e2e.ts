// A page of another website, open in the same browser while the office user
// works against `npm run mock-server`: it must not read the mock server's
// data, nor change it. It is served from the same host on another port, the
// closest a stranger can get: cookies do not keep ports apart, so that page
// can even read the masked CSRF token the app's session holds.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Move } from '../../api/models';
import { SEED_LOCATORS } from '../../../mocks/db';
import { detailsReady, detailsUrl, setupBrowser } from './browser';

const appUrl = inject('networkAppUrl');
const apiUrl = `${inject('mockServerUrl')}/ghc/v1`;
const locator = SEED_LOCATORS.submitted;
const session = setupBrowser();

let website: Server;
let websiteUrl = '';

beforeAll(async () => {
  website = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another website</title><h1>Another website</h1>');
  });
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
  websiteUrl = `http://127.0.0.1:${(website.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => website.close(() => resolve())));

beforeEach(async () => {
  const reset = await fetch(inject('mockResetUrl'), { method: 'POST' });
  expect(reset.status).toBe(204);
});

/** The move as the mock server holds it, asked directly (no Origin: not a page). */
async function serverMove(): Promise<Move> {
  const response = await fetch(`${apiUrl}/move/${locator}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Move;
}

/** The office user's app, then the other website in another tab of the same browser. */
async function openBoth(): Promise<Page> {
  await session.open(detailsUrl(locator, appUrl), detailsReady(locator));
  return session.open(`${websiteUrl}/`, (page) =>
    page.getByRole('heading', { name: 'Another website' }).waitFor(),
  );
}

describe('a page of another origin, against the mock server', () => {
  it('cannot read the moves or the customers, with the session cookies or without', async () => {
    const page = await openBoth();
    const attempts = await page.evaluate(async (api) => {
      const attempt = async (path: string, init: RequestInit) => {
        try {
          const answer = await fetch(`${api}${path}`, init);
          return `read ${answer.status}: ${(await answer.text()).slice(0, 60)}`;
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      };
      return [
        await attempt('/queues/moves', { credentials: 'include' }),
        await attempt('/queues/moves', { credentials: 'omit' }),
        await attempt('/move/RDY4PR', { credentials: 'include' }),
      ];
    }, apiUrl);
    // The browser withholds every answer: the server granted that origin nothing.
    expect(attempts).toEqual(Array(3).fill('refused: TypeError'));

    // Without CORS the page gets an opaque answer: no status, no body.
    const opaque = await page.evaluate(async (api) => {
      const answer = await fetch(`${api}/queues/moves`, {
        mode: 'no-cors',
        credentials: 'include',
      });
      return { type: answer.type, status: answer.status, body: await answer.text() };
    }, apiUrl);
    expect(opaque).toEqual({ type: 'opaque', status: 0, body: '' });
  });

  it('cannot change a move, even knowing its eTag and holding the CSRF token', async () => {
    const page = await openBoth();
    const before = await serverMove();
    // What a page on another port of the same host can see of the session.
    const cookies = await page.evaluate(() => document.cookie);
    expect(cookies).toContain('masked_gorilla_csrf=');

    const simpleAnswer = page.waitForResponse((response) =>
      response.url().endsWith('/shipments/approve'),
    );
    const writes = page.evaluate(
      async ({ api, id, eTag }) => {
        const token = document.cookie
          .split('; ')
          .find((pair) => pair.startsWith('masked_gorilla_csrf='))
          ?.slice('masked_gorilla_csrf='.length);
        const results: string[] = [];
        try {
          const answer = await fetch(`${api}/move-task-orders/${id}/tio-remarks`, {
            method: 'PATCH',
            credentials: 'include',
            headers: {
              'Content-Type': 'application/json',
              'If-Match': eTag,
              'X-CSRF-Token': token ?? '',
            },
            body: JSON.stringify({ tioRemarks: 'Changed by another website' }),
          });
          results.push(`written ${answer.status}`);
        } catch (error) {
          results.push(`refused: ${(error as Error).name}`);
        }
        // A request simple enough to need no preflight reaches the server:
        // its Origin is what refuses it there.
        const simple = await fetch(`${api}/shipments/approve`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: '[]',
        });
        results.push(simple.type);
        return results;
      },
      { api: apiUrl, id: before.id!, eTag: before.eTag! },
    );
    expect(await writes).toEqual(['refused: TypeError', 'opaque']);
    expect((await simpleAnswer).status()).toBe(403);

    const after = await serverMove();
    expect(after.tioRemarks).toBe(before.tioRemarks);
    expect(after.eTag).toBe(before.eTag);
  });
});
