// @vitest-environment node
// The rules every write shares, as mocks/operation.ts runs them for each
// operation: CSRF, the route, the framework's binding, then the handler in one
// exclusive step, judged against the record's eTag exactly as the real server
// compares it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eTagOf, jsonDateTime } from '../clock';
import { db, SEED_LOCATORS, type Kind } from '../db';
import { setMockProfile } from '../profile';
import {
  expectFramework,
  expectMessage,
  expectNoBody,
  expectText,
  quoted,
  seededMove,
  send,
  type Answer,
} from '../testApi';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

afterEach(() => setMockProfile('ghc'));

const precondition = (id: string) =>
  `Precondition failed on update to object with ID: '${id}'. The If-Match header value did not match the eTag for this record.`;

/** RDY4PR with the move approved, so that its shipments can be approved too. */
async function approvedReadyMove() {
  const { move } = seededMove(SEED_LOCATORS.submitted);
  await send('PATCH', `/move-task-orders/${move.id}/status`, { ifMatch: move.eTag, body: {} });
  return seededMove(SEED_LOCATORS.submitted).rows;
}

const current = (kind: Kind, id: string) => eTagOf(db.find(kind, id)!.updatedAt);

interface Write {
  name: string;
  /** The row the write is judged against. */
  target: () => Promise<{ kind: Kind; id: string }>;
  /** The write, with this If-Match; every call is a valid request. */
  send: (id: string, ifMatch: string | undefined, call: number) => Promise<Answer<unknown>>;
  /** The same request saves the record again after the version it answers (mymove ghcapi/mto_service_items.go). */
  savedAgain?: true;
}

const customerBody = (call: number) => ({ first_name: 'Joshua', last_name: `Williams ${call}` });
const orderBody = () => {
  const { order } = seededMove(SEED_LOCATORS.submitted).rows;
  return {
    issueDate: order.issueDate,
    reportByDate: order.reportByDate,
    ordersType: order.ordersType,
    originDutyLocationId: order.originDutyLocationId,
    newDutyLocationId: order.newDutyLocationId,
  };
};

const WRITES: Write[] = [
  {
    name: 'updateCustomer',
    target: async () => ({ kind: 'customer', id: seededMove('RDY4PR').rows.customer.id }),
    send: (id, ifMatch, call) =>
      send('PATCH', `/customer/${id}`, { ifMatch, body: customerBody(call) }),
  },
  {
    name: 'updateOrder',
    target: async () => ({ kind: 'order', id: seededMove('RDY4PR').rows.order.id }),
    send: (id, ifMatch) => send('PATCH', `/orders/${id}`, { ifMatch, body: orderBody() }),
  },
  {
    name: 'updateMoveTIORemarks',
    target: async () => ({ kind: 'move', id: seededMove('RDY4PR').rows.move.id }),
    send: (id, ifMatch, call) =>
      send('PATCH', `/move-task-orders/${id}/tio-remarks`, {
        ifMatch,
        body: { tioRemarks: `Writer ${call}` },
      }),
  },
  {
    name: 'updateMoveTaskOrderStatus',
    target: async () => ({ kind: 'move', id: seededMove('RDY4PR').rows.move.id }),
    send: (id, ifMatch) =>
      send('PATCH', `/move-task-orders/${id}/status`, { ifMatch, body: { serviceCodeMS: true } }),
  },
  {
    name: 'approveShipment',
    target: async () => ({ kind: 'shipment', id: (await approvedReadyMove()).shipments[0].id }),
    send: (id, ifMatch) => send('POST', `/shipments/${id}/approve`, { ifMatch }),
  },
  {
    name: 'rejectShipment',
    target: async () => ({ kind: 'shipment', id: seededMove('RDY4PR').rows.shipments[0].id }),
    send: (id, ifMatch) =>
      send('POST', `/shipments/${id}/reject`, { ifMatch, body: { rejectionReason: 'Duplicate' } }),
  },
  {
    name: 'updateMTOServiceItemStatus',
    target: async () => {
      const item = seededMove('REQST1').rows.serviceItems.find((i) => i.status === 'SUBMITTED')!;
      return { kind: 'serviceItem', id: item.id };
    },
    send: (id, ifMatch) =>
      send('PATCH', `/move-task-orders/${UNKNOWN_ID}/service-items/${id}/status`, {
        ifMatch,
        body: { status: 'APPROVED' },
      }),
    // The SIT end date's save of its shipment saves every item of it again.
    savedAgain: true,
  },
  {
    name: 'approveShipments',
    target: async () => ({ kind: 'shipment', id: (await approvedReadyMove()).shipments[0].id }),
    send: (id, ifMatch) =>
      send('POST', '/shipments/approve', {
        body: { approveShipments: [{ shipmentID: id, eTag: ifMatch ?? '' }] },
      }),
  },
];

describe('every write', () => {
  it.each(WRITES.map((write) => [write.name, write] as const))(
    '%s: refuses a stale eTag with 412 naming the record, and changes nothing',
    async (_, write) => {
      const { kind, id } = await write.target();
      const stale = current(kind, id);
      db.save(kind, id);
      const before = JSON.stringify(db.snapshot().records);
      expect(expectMessage(await write.send(id, stale, 0), 412)).toBe(precondition(id));
      expect(JSON.stringify(db.snapshot().records)).toBe(before);
    },
  );

  it.each(WRITES.map((write) => [write.name, write] as const))(
    '%s: lets exactly one of 30 concurrent writes with one eTag win, and 29 get 412',
    async (_, write) => {
      const { kind, id } = await write.target();
      const eTag = current(kind, id);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (__, call) => write.send(id, eTag, call)),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      const refused = answers.filter((answer) => answer.status === 412);
      expect(refused).toHaveLength(29);
      refused.forEach((answer) => expect(expectMessage(answer, 412)).toBe(precondition(id)));
    },
  );

  it.each(WRITES.map((write) => [write.name, write] as const))(
    '%s: gives the record a new eTag when it is accepted, as every save stamps updated_at',
    async (_, write) => {
      const { kind, id } = await write.target();
      const before = db.find(kind, id)!;
      const answer = await write.send(id, eTagOf(before.updatedAt), 0);
      expect(answer.status).toBe(200);
      const after = db.find(kind, id)!;
      expect(after.updatedAt > before.updatedAt).toBe(true);
      const eTags = JSON.stringify(answer.body);
      // A record saved again answers with the version before that: newer than the one sent, yet stale.
      if (write.savedAgain) expect(eTags).not.toContain(eTagOf(after.updatedAt));
      else expect(eTags).toContain(eTagOf(after.updatedAt));
      expect(eTags).not.toContain(`"${eTagOf(before.updatedAt)}"`);
    },
  );
});

describe('an accepted write', () => {
  it('gives two writes in one millisecond the same JSON updatedAt but different eTags', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const path = `/move-task-orders/${move.id}/tio-remarks`;
    await send.csrfToken();
    // A millisecond later than any stamp so far: the two saves take its first two microseconds.
    const instant = Math.floor(Number(BigInt(db.snapshot().clock) / 1000n)) + 1;
    vi.spyOn(Date, 'now').mockReturnValue(instant);
    const first = await send('PATCH', path, { ifMatch: move.eTag, body: { tioRemarks: 'one' } });
    const second = await send('PATCH', path, {
      ifMatch: first.body.eTag as string,
      body: { tioRemarks: 'two' },
    });
    expect(second.status).toBe(200);
    expect(second.body.updatedAt).toBe(first.body.updatedAt);
    expect(first.body.updatedAt).toBe(jsonDateTime(new Date(instant).toISOString()));
    expect(second.body.eTag).not.toBe(first.body.eTag);
    expect(atob(second.body.eTag as string)).toBe(
      new Date(instant).toISOString().replace('Z', '001Z'),
    );
  });

  it('takes __proto__ and constructor keys as the unknown fields they are, and pollutes nothing', async () => {
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    const answer = await send('PATCH', `/customer/${customer.id}`, {
      ifMatch: customer.eTag,
      body: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "first_name": "Jo", "last_name": "Williams"}',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.first_name).toBe('Jo');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(db.find('customer', customer.id!))).toBe(Object.prototype);
  });
});

describe('the order in which a write is judged', () => {
  it('peels off one refusal at a time: CSRF, content type, If-Match, body, path, record, eTag', async () => {
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    const wrong = { body: 'first_name=Jo', headers: { 'Content-Type': 'text/plain' } };
    const write = (path: string, options: Parameters<typeof send>[2]) =>
      send('PATCH', `/customer/${path}`, options);

    expectText(
      await write('abc', { ...wrong, csrfToken: null }),
      403,
      'Forbidden - CSRF token not found in request',
    );
    expectFramework(await write('abc', wrong), 415);
    expect(expectFramework(await write('abc', { body: '{' }), 422)).toBe(
      'If-Match in header is required',
    );
    expectFramework(await write('abc', { ifMatch: 'stale', body: '{' }), 400);
    expect(expectFramework(await write('abc', { ifMatch: 'stale', body: {} }), 422)).toBe(
      'customerID in path must be of type strfmt.UUID: "abc"',
    );
    expectNoBody(await write(UNKNOWN_ID, { ifMatch: 'stale', body: {} }), 404);
    expectMessage(await write(customer.id!, { ifMatch: 'stale', body: {} }), 412);
    expect((await write(customer.id!, { ifMatch: customer.eTag, body: {} })).status).toBe(200);
  });

  it('refuses a method the API does not have on a path it knows, after the CSRF check, with 400 text', async () => {
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    const refused = await send('PUT', `/customer/${customer.id}`, { body: {} });
    expectText(refused, 400, 'Bad Request');
    // The permissions layer that refuses it runs after the no-cache layer.
    expect(refused.headers.get('Cache-Control')).toBe('no-cache, no-store, must-revalidate');
    expectText(await send('DELETE', `/customer/${customer.id}`), 400, 'Bad Request');
    expectText(
      await send('DELETE', `/customer/${customer.id}`, { csrfToken: null }),
      403,
      'Forbidden - CSRF token not found in request',
    );
  });

  it('answers every request with a trace id and no caching', async () => {
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    const answers = [
      await send('GET', `/customer/${customer.id}`),
      await send('PATCH', `/customer/${customer.id}`, { ifMatch: 'stale', body: {} }),
      await send('GET', '/customer/abc'),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('X-MILMOVE-TRACE-ID')).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers.get('Cache-Control')).toBe('no-cache, no-store, must-revalidate');
    }
    expect(answers[0].headers.get('X-MILMOVE-TRACE-ID')).not.toBe(
      answers[1].headers.get('X-MILMOVE-TRACE-ID'),
    );
  });
});

describe('If-Match on a write', () => {
  const remarks = (ifMatch: string) => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    return send('PATCH', `/move-task-orders/${move.id}/tio-remarks`, {
      ifMatch,
      body: { tioRemarks: 'Weighed twice' },
    });
  };
  const eTag = () => seededMove(SEED_LOCATORS.submitted).move.eTag!;

  it('holds in the ghc profile only for the bare eTag, exactly as the server compares it', async () => {
    expect((await remarks(eTag())).status).toBe(200);
    for (const header of [
      quoted(eTag()),
      '*',
      `"stale", ${quoted(eTag())}`,
      `${eTag()}, stale`,
      `W/${quoted(eTag())}`,
      `${eTag()}x`,
    ]) {
      expectMessage(await remarks(header), 412);
    }
  });

  it('holds in the rfc9110 profile for a quoted eTag, a list naming it, *, and the bare eTag', async () => {
    setMockProfile('rfc9110');
    for (const header of [
      () => quoted(eTag()),
      () => eTag(),
      () => '*',
      () => `"stale", ${quoted(eTag())}`,
    ]) {
      expect((await remarks(header())).status).toBe(200);
    }
    for (const header of [`W/${quoted(eTag())}`, '"stale", "older"', `"${eTag()}`]) {
      expectMessage(await remarks(header), 412);
    }
    const missing = await send('PATCH', `/move-task-orders/${UNKNOWN_ID}/tio-remarks`, {
      body: { tioRemarks: 'x' },
    });
    expect(expectFramework(missing, 428)).toBe('If-Match in header is required');
  });

  it('gives one record an ETag header in the rfc9110 profile, never a list, and none in the ghc profile', async () => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    const list = `/move_task_orders/${move.id}/mto_shipments`;
    expect((await send('GET', `/move-task-orders/${move.id}`)).etag).toBeNull();
    setMockProfile('rfc9110');
    expect((await send('GET', `/move-task-orders/${move.id}`)).etag).toBe(quoted(move.eTag!));
    expect((await send('GET', list)).etag).toBeNull();
    expect((await send('GET', '/queues/moves')).etag).toBeNull();
  });
});

describe("the framework's reading of a body", () => {
  const approve = (body: string) => {
    const { move } = seededMove(SEED_LOCATORS.submitted);
    return send('PATCH', `/move-task-orders/${move.id}/status`, { ifMatch: move.eTag, body });
  };

  it('takes a body of white space alone as no body at all: the parameter is required', async () => {
    expect(expectFramework(await approve('  \n '), 422)).toBe(
      'serviceItemCodes in body is required',
    );
  });

  it("reads the first JSON value only, as Go's decoder does, and never what follows it", async () => {
    const answer = await approve('{"serviceCodeMS": true} and then some');
    expect(answer.status).toBe(200);
    const { move } = seededMove(SEED_LOCATORS.submitted);
    expect(db.serviceItemsOf(move.id!).map((item) => item.reServiceCode)).toEqual(['MS']);
  });

  it('decodes null into the model as an empty one, so only its required fields can refuse it', async () => {
    expect((await approve('null')).status).toBe(200);
    const { order } = seededMove(SEED_LOCATORS.submitted);
    const answer = await send('PATCH', `/orders/${order.id}`, {
      ifMatch: order.eTag,
      body: 'null',
    });
    expect(expectFramework(answer, 422)).toBe('issueDate in body is required');
  });
});

describe('a handler that fails', () => {
  it("answers as the real server's recovery middleware does: 500 with the panic body", async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { customer } = seededMove(SEED_LOCATORS.submitted);
    vi.spyOn(db, 'find').mockImplementation(() => {
      throw new Error('the database went away');
    });
    const answer = await send('GET', `/customer/${customer.id}`);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      title: 'Internal Server Error',
      instance: answer.headers.get('X-MILMOVE-TRACE-ID'),
      detail: 'An unexpected server error has occurred.',
    });
    expect(consoleError).toHaveBeenCalled();
  });
});
