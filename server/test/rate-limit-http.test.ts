/**
 * Rate limits through the contract router: the real contract, stub handlers that answer
 * documented responses, and the rate-limiting hook in memory with small budgets. The client's
 * address is the socket's peer, handed in as @hono/node-server does (`env.incoming.socket`), and
 * once over a real socket.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Principal } from '../src/domain/principal';
import { ApiError } from '../src/http/api-error';
import { loadContract } from '../src/http/contract';
import { createContractRouter, type OperationHandler } from '../src/http/contract-router';
import {
  createRateLimiting,
  DEFAULT_RATE_LIMITS,
  rateLimitedAction,
  resolveRateLimitPolicy,
  type RateLimitOptions,
} from '../src/http/rate-limit';
import { silentLogger } from '../src/logger';

const contract = loadContract();
const MINUTE = 60_000;
/** 10.2 s into a minute window. */
const T0 = Date.parse('2030-01-01T00:00:10.200Z');

const status = (flowId: string) => ({
  flowId,
  providerId: 'notion',
  status: 'pending',
  credentialId: null,
  outcome: null,
  error: null,
});

/** Documented answers for the operations these tests call; 503 (documented everywhere) else. */
function stubHandlers(): Record<string, OperationHandler> {
  const handlers: Record<string, OperationHandler> = {};
  for (const operation of contract.operations) {
    handlers[operation.operationId] = async () => {
      throw new ApiError(503, { code: 'server_error', message: 'Stub.', retryable: true });
    };
  }
  return {
    ...handlers,
    listCredentials: async () => Response.json({ credentials: [] }),
    getOAuthFlow: async (request) => Response.json(status(request.params.flowId ?? '')),
    startOAuthFlow: async () =>
      Response.json(
        {
          flowId: 'flow-1',
          authorizationUrl: 'https://api.notion.com/v1/oauth/authorize?state=s',
          expiresAt: new Date(T0 + 10 * MINUTE).toISOString(),
        },
        { status: 201 },
      ),
    completeOAuthCallback: async () => Response.json(status('flow-1')),
    // A refused key, as a report: what a caller guessing keys with **Test** would see.
    verifyApiKeyDraft: async () =>
      Response.json({
        outcome: 'refused',
        message: 'Firecrawl refused this key.',
        fieldErrors: { firecrawl_api_key: 'The provider refused this key.' },
        retryAfterSeconds: null,
        checkedAt: new Date(T0).toISOString(),
      }),
    // A refused key: what a caller guessing keys would see, until the budget runs out.
    createApiKeyCredential: async () => {
      throw new ApiError(422, {
        code: 'validation_failed',
        message: 'Check the highlighted fields.',
        fieldErrors: { firecrawl_api_key: 'Firecrawl refused this key.' },
        retryable: false,
      });
    },
  };
}

const SMALL: RateLimitOptions = {
  perPrincipal: {
    read: { limit: 5, windowMs: MINUTE },
    startOAuthFlow: { limit: 2, windowMs: MINUTE },
    createApiKeyCredential: { limit: 3, windowMs: MINUTE },
    verifyApiKey: { limit: 3, windowMs: MINUTE },
  },
  perIp: {
    read: { limit: 20, windowMs: MINUTE },
    startOAuthFlow: { limit: 5, windowMs: MINUTE },
    completeOAuthCallback: { limit: 3, windowMs: MINUTE },
  },
};

/** A router whose callers name themselves in `x-test-user` (none: anonymous, 401). */
function router(policy: RateLimitOptions | false = SMALL) {
  let now = T0;
  let authentications = 0;
  const app = createContractRouter({
    contract,
    handlers: stubHandlers(),
    authenticate: (request): Principal | null => {
      authentications += 1;
      const user = request.headers.get('x-test-user');
      return user ? { tenantId: 'acme', userId: user } : null;
    },
    logger: silentLogger,
    validateResponses: true,
    ...(policy !== false && {
      rateLimiting: createRateLimiting({ db: null, clock: () => new Date(now), policy }),
    }),
  });
  return {
    advance: (ms: number) => {
      now += ms;
    },
    authentications: () => authentications,
    async call(
      method: string,
      path: string,
      options: { user?: string; ip?: string; body?: unknown; headers?: Record<string, string> },
    ) {
      const request = new Request(`http://localhost/api${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(options.user && { 'x-test-user': options.user }),
          ...options.headers,
        },
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      });
      // What @hono/node-server hands the app as its env: the Node request and its socket.
      const env = options.ip ? { incoming: { socket: { remoteAddress: options.ip } } } : undefined;
      return app.fetch(request, env);
    },
  };
}

const start = { method: 'POST', path: '/providers/notion/oauth/flows' } as const;
const list = { method: 'GET', path: '/credentials' } as const;

async function expectRateLimited(response: Response, retryAfter: number) {
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body: unknown = await response.json();
  expect(body).toEqual({
    error: {
      code: 'rate_limited',
      message: `Too many requests. Try again in ${retryAfter} seconds.`,
      retryable: true,
    },
  });
  // The envelope the contract documents for 429 (`TooManyRequests`).
  const validate = contract.operations
    .find((operation) => operation.operationId === 'startOAuthFlow')
    ?.responses.get(429);
  expect(validate?.(body)).toBe(true);
}

describe('rate limits through the router', () => {
  it('answers the N+1th flow start of a principal with 429, Retry-After and the envelope', async () => {
    const server = router();
    for (let index = 0; index < 2; index += 1) {
      const response = await server.call(start.method, start.path, {
        user: 'ann',
        ip: '192.0.2.1',
      });
      expect(response.status).toBe(201);
    }
    const refused = await server.call(start.method, start.path, { user: 'ann', ip: '192.0.2.1' });
    // The window ends at 00:01:00; it is 00:00:10.2.
    await expectRateLimited(refused, 50);
  });

  it('leaves another principal behind the same address unaffected', async () => {
    const server = router();
    for (let index = 0; index < 3; index += 1) {
      await server.call(start.method, start.path, { user: 'ann', ip: '192.0.2.1' });
    }
    const other = await server.call(start.method, start.path, { user: 'bob', ip: '192.0.2.1' });
    expect(other.status).toBe(201);
  });

  it('refuses an address that spent its budget, whoever signs in, and no other address', async () => {
    const server = router();
    // Five people behind one address start a flow each: the address's budget of 5.
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      const response = await server.call(start.method, start.path, { user, ip: '192.0.2.1' });
      expect(response.status).toBe(201);
    }
    const sixth = await server.call(start.method, start.path, { user: 'u6', ip: '192.0.2.1' });
    await expectRateLimited(sixth, 50);
    const elsewhere = await server.call(start.method, start.path, { user: 'u6', ip: '192.0.2.2' });
    expect(elsewhere.status).toBe(201);
  });

  it('gives reads a budget of their own', async () => {
    const server = router();
    for (let index = 0; index < 3; index += 1) {
      await server.call(start.method, start.path, { user: 'ann', ip: '192.0.2.1' });
    }
    // Flow starts are spent; reads (a list, a poll) are not.
    const reads = [];
    for (let index = 0; index < 5; index += 1) {
      const read =
        index % 2 === 0
          ? await server.call(list.method, list.path, { user: 'ann', ip: '192.0.2.1' })
          : await server.call('GET', '/oauth/flows/flow-1', { user: 'ann', ip: '192.0.2.1' });
      reads.push(read.status);
    }
    expect(reads).toEqual([200, 200, 200, 200, 200]);
    // And reads run out on their own: the sixth read of the window.
    await expectRateLimited(
      await server.call(list.method, list.path, { user: 'ann', ip: '192.0.2.1' }),
      50,
    );
  });

  it('gives the whole budget back when the injected clock reaches the next window', async () => {
    const server = router();
    for (let index = 0; index < 3; index += 1) {
      await server.call(start.method, start.path, { user: 'ann', ip: '192.0.2.1' });
    }
    server.advance(49_799);
    const stillRefused = await server.call(start.method, start.path, {
      user: 'ann',
      ip: '192.0.2.1',
    });
    expect(stillRefused.status).toBe(429);
    expect(stillRefused.headers.get('retry-after')).toBe('1');
    server.advance(1);
    const next = await server.call(start.method, start.path, { user: 'ann', ip: '192.0.2.1' });
    expect(next.status).toBe(201);
  });

  it('limits refused API keys per principal (a caller guessing keys)', async () => {
    const server = router();
    const create = () =>
      server.call('POST', '/providers/firecrawl/credentials', {
        user: 'ann',
        ip: '192.0.2.1',
        body: { name: 'Guess', values: { firecrawl_api_key: 'fc-0123456789abcdef' } },
      });
    const answers = [];
    for (let index = 0; index < 4; index += 1) answers.push((await create()).status);
    expect(answers).toEqual([422, 422, 422, 429]);
  });

  it('limits tests of keys per principal, both Tests on one budget, apart from creates', async () => {
    const server = router();
    const as = { user: 'ann', ip: '192.0.2.1' };
    const draft = () =>
      server.call('POST', '/providers/firecrawl/credentials/verify', {
        ...as,
        body: { values: { firecrawl_api_key: 'fc-0123456789abcdef' } },
      });
    const stored = () => server.call('POST', '/credentials/c-1/verify', { ...as, body: {} });
    const answers = [(await draft()).status, (await stored()).status, (await draft()).status];
    // The stub answers a stored credential's test with a (documented) 503: it still counts.
    expect(answers).toEqual([200, 503, 200]);
    await expectRateLimited(await stored(), 50);
    await expectRateLimited(await draft(), 50);
    const create = await server.call('POST', '/providers/firecrawl/credentials', {
      ...as,
      body: { values: { firecrawl_api_key: 'fc-0123456789abcdef' } },
    });
    expect(create.status).toBe(422);
  });

  it('limits anonymous floods per address before authentication runs', async () => {
    const server = router();
    const callback = () =>
      server.call('POST', '/oauth/callback', { ip: '192.0.2.9', body: { state: 'guess' } });
    const answers = [];
    for (let index = 0; index < 5; index += 1) answers.push((await callback()).status);
    // The address's callback budget is 3: then 429, and `authenticate` is no longer called.
    expect(answers).toEqual([401, 401, 401, 429, 429]);
    expect(server.authentications()).toBe(3);
  });

  it('counts malformed requests against the address too (checked before validation)', async () => {
    const server = router();
    const broken = () =>
      server.call('POST', '/oauth/callback', { user: 'ann', ip: '192.0.2.9', body: { nope: 1 } });
    const answers = [];
    for (let index = 0; index < 4; index += 1) answers.push((await broken()).status);
    expect(answers).toEqual([400, 400, 400, 429]);
  });

  it('shares one fixed budget between in-process calls that have no socket', async () => {
    const server = router();
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      await server.call(start.method, start.path, { user });
    }
    expect((await server.call(start.method, start.path, { user: 'u6' })).status).toBe(429);
  });

  it('has no limits without the hook', async () => {
    const server = router(false);
    const answers = new Set<number>();
    for (let index = 0; index < 50; index += 1) {
      answers.add((await server.call(start.method, start.path, { user: 'ann' })).status);
    }
    expect([...answers]).toEqual([201]);
  });
});

describe('the default budgets', () => {
  it('are never reached by normal use: canvases, two flows polled for 10 minutes, a few keys', async () => {
    const server = router({});
    const as = { user: 'ann', ip: '192.0.2.1' };
    const statuses = new Map<number, number>();
    const note = (response: Response) =>
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

    // Two tabs load the canvas and the settings page.
    for (let tab = 0; tab < 2; tab += 1) {
      note(await server.call('GET', '/providers', as));
      note(await server.call(list.method, list.path, as));
    }
    // A user saves a few keys, each after a typo, each with a double click, testing each first.
    for (let key = 0; key < 4; key += 1) {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        note(
          await server.call('POST', '/providers/firecrawl/credentials/verify', {
            ...as,
            body: { values: { firecrawl_api_key: 'fc-0123456789abcdef' } },
          }),
        );
        note(
          await server.call('POST', '/providers/firecrawl/credentials', {
            ...as,
            body: { name: `Key ${key}`, values: { firecrawl_api_key: 'fc-0123456789abcdef' } },
          }),
        );
      }
    }
    // Both tabs start a flow and poll it every second for the flow's whole 10 minutes, with a
    // list refetch every 10 seconds (React Query's stale time on focus).
    note(await server.call(start.method, start.path, as));
    note(await server.call(start.method, start.path, as));
    for (let second = 0; second < 600; second += 1) {
      note(await server.call('GET', '/oauth/flows/flow-1', as));
      note(await server.call('GET', '/oauth/flows/flow-2', as));
      if (second % 10 === 0) note(await server.call(list.method, list.path, as));
      server.advance(1000);
    }
    note(await server.call('POST', '/oauth/callback', { ...as, body: { state: 's' } }));
    note(await server.call('DELETE', '/oauth/flows/flow-2', as));

    expect(statuses.get(429)).toBeUndefined();
  });

  it('are tighter for flow starts, callbacks, API-key creates and tests than for reads and writes', () => {
    const policy = resolveRateLimitPolicy();
    expect(policy).toEqual(DEFAULT_RATE_LIMITS);
    for (const scope of [policy.perPrincipal, policy.perIp]) {
      for (const tight of [
        'startOAuthFlow',
        'completeOAuthCallback',
        'createApiKeyCredential',
        'verifyApiKey',
      ]) {
        expect(scope[tight as keyof typeof scope].limit).toBeLessThan(scope.write.limit);
      }
      expect(scope.write.limit).toBeLessThan(scope.read.limit);
    }
  });

  it('give every contract operation a budget: reads, writes, or one of their own', () => {
    const actions = Object.fromEntries(
      contract.operations.map((operation) => [
        operation.operationId,
        rateLimitedAction(operation.operationId, operation.method),
      ]),
    );
    for (const own of [
      'startOAuthFlow',
      'completeOAuthCallback',
      'createApiKeyCredential',
      'issueCredentialToken',
    ]) {
      if (own in actions) expect(actions[own]).toBe(own);
    }
    // Both tests ask the provider about a key, as a create does: they share a budget as tight.
    expect(actions.verifyApiKeyDraft).toBe('verifyApiKey');
    expect(actions.verifyCredential).toBe('verifyApiKey');
    expect(actions.listCredentials).toBe('read');
    expect(actions.getOAuthFlow).toBe('read');
    expect(actions.updateCredential).toBe('write');
    expect(actions.cancelOAuthFlow).toBe('write');
  });

  it('refuse a budget that is not a positive whole number per window of at least a second', () => {
    expect(() =>
      resolveRateLimitPolicy({ perIp: { read: { limit: 0, windowMs: MINUTE } } }),
    ).toThrow(/read rate limit/);
    expect(() =>
      resolveRateLimitPolicy({ perPrincipal: { write: { limit: 5, windowMs: 10 } } }),
    ).toThrow(/at least 1,000 ms/);
    expect(() => resolveRateLimitPolicy({ trustProxy: -1 })).toThrow(/trustProxy/);
  });
});

describe('the client address over a real socket', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function listen(policy: RateLimitOptions) {
    const app = createContractRouter({
      contract,
      handlers: stubHandlers(),
      authenticate: () => ({ tenantId: 'acme', userId: 'ann' }),
      logger: silentLogger,
      rateLimiting: createRateLimiting({ db: null, clock: () => new Date(T0), policy }),
    });
    const origin = await new Promise<string>((resolve) => {
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      );
      closers.push(() => new Promise((done) => server.close(() => done())));
    });
    return (forwardedFor: string) =>
      fetch(`${origin}/api/credentials`, { headers: { 'x-forwarded-for': forwardedFor } }).then(
        (response) => response.status,
      );
  }

  // The principal's read budget is left large: only the address's budget is under test.
  const wide = { read: { limit: 100, windowMs: MINUTE } };

  it('ignores X-Forwarded-For by default: a client cannot pick its own budget', async () => {
    const read = await listen({
      perPrincipal: wide,
      perIp: { read: { limit: 2, windowMs: MINUTE } },
    });
    expect([
      await read('203.0.113.1'),
      await read('203.0.113.2'),
      await read('203.0.113.3'),
    ]).toEqual([200, 200, 429]);
  });

  it('believes the entry our one proxy appended when trustProxy is 1', async () => {
    const read = await listen({
      perPrincipal: wide,
      perIp: { read: { limit: 2, windowMs: MINUTE } },
      trustProxy: 1,
    });
    // A spoofed leftmost entry does not matter: the rightmost one is what the proxy saw.
    expect([
      await read('198.51.100.7, 203.0.113.1'),
      await read('198.51.100.8, 203.0.113.1'),
      await read('198.51.100.9, 203.0.113.1'),
      await read('203.0.113.2'),
    ]).toEqual([200, 200, 429, 200]);
  });
});
