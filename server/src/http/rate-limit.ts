/**
 * Rate limits: per client IP (checked before authentication, so that anonymous flooding is
 * refused before a host's `authenticate` or the database does any work) and per principal
 * (tenant and user, after authentication), each with its own budget per kind of operation —
 * tighter for starting OAuth flows, completing callbacks, creating and testing API keys (each of
 * those makes the server call a provider or store a pending flow) than for reads. A refused
 * request is a 429 `rate_limited` in the error envelope with `Retry-After`, as the contract
 * documents.
 *
 * Windows are fixed (aligned on the epoch, so every instance agrees on them): simple, one counter
 * per key and window, one atomic statement on PostgreSQL. The price is that a client can spend a
 * budget at the end of one window and again at the start of the next, i.e. up to twice `limit`
 * within `windowMs` around a boundary; the defaults below leave room for that.
 *
 * ## Default budgets (per 60-second window) and why
 *
 * Normal use, measured against the UI: a canvas loads with 2 requests (providers, credentials),
 * whatever its node count; an open OAuth popup polls the flow once a second for at most the
 * flow's 10-minute lifetime (60 reads a minute, plus one extra poll per completion message);
 * React Query refetches on focus and remount with 10–60 s stale times; a user saves a few keys,
 * with a typo or two and a double click (an idempotent replay still counts as a request), and
 * tests a key or a stored credential a few times (**Test**, **Test connection**).
 *
 * | operations                         | per principal | per IP | normal use per minute           |
 * | ---------------------------------- | ------------- | ------ | ------------------------------- |
 * | reads (every GET)                  | 600           | 3,000  | ~130: two tabs polling, loads   |
 * | writes (every other operation)     | 120           | 600    | a handful of clicks             |
 * | `createApiKeyCredential`           | 30            | 120    | ~10: a few keys, typos, doubles |
 * | `verifyApiKey` (both **Test**s)    | 30            | 120    | ~10: a test before each save    |
 * | `startOAuthFlow`                   | 30            | 120    | ~5: a few connects and retries  |
 * | `completeOAuthCallback`            | 30            | 120    | one per flow started            |
 * | `issueCredentialToken`             | 3,000         | 6,000  | the pipeline runner (machines)  |
 *
 * The two test operations (`verifyApiKeyDraft`, `verifyCredential`) share the `verifyApiKey`
 * budget: each asks the provider as a create does, so without it they would be a way around
 * the create's budget to try keys against a provider (and to spend our standing with it).
 *
 * The principal budgets are at least 3× (reads ~5×) what one person does at their busiest. The
 * IP budgets are larger because many people can share one address (an office NAT): they hold
 * some 5–10 busy users per address while still stopping one machine that floods. A deployment
 * where hundreds of users share one egress address should raise `perIp`, or set `trustProxy`
 * correctly so that the address counted is the user's and not the proxy's.
 *
 * `issueCredentialToken` is server-to-server: one pipeline runner is one principal (per tenant's
 * service token) and one address doing the work of every pipeline, so it gets a budget of its
 * own, far above a person's (50 a second), rather than the writes' — only a runaway runner or a
 * token-guessing flood meets it. A runner that asks for tokens faster should raise it.
 *
 * ## Behind a reverse proxy
 *
 * Without `trustProxy` the client is the socket's peer — behind a proxy that is the proxy, and
 * every user would share its budget. Set `trustProxy` to the number of proxies that append to
 * `X-Forwarded-For` (1 for one load balancer); the client is then the entry the outermost proxy
 * appended. Only do so when the server cannot be reached except through those proxies: a client
 * that reaches it directly could write any `X-Forwarded-For` it likes.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../domain/principal';
import type { Database } from '../storage/database';
import { ApiError } from './api-error';
import { clientAddress } from './client-address';
import {
  createMemoryRateLimitStore,
  createSqlRateLimitStore,
  type RateLimitStore,
} from './rate-limit-store';

/** What one hit decided. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window ends and the budget is whole again (0 when allowed). */
  retryAfterSeconds: number;
  /** Hits left in this window after this one. */
  remaining: number;
}

/** Counts hits per key in fixed windows over a {@link RateLimitStore}. */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitDecision>;
}

/** A limiter over `store`: windows are aligned on the epoch, so instances agree on them. */
export function createRateLimiter(store: RateLimitStore): RateLimiter {
  return {
    async hit(key, limit, windowMs, now) {
      const at = now.getTime();
      const windowStart = Math.floor(at / windowMs) * windowMs;
      const count = await store.increment(key, new Date(windowStart), windowMs, now);
      const allowed = count <= limit;
      return {
        allowed,
        // At least 1: a `Retry-After: 0` would invite an immediate retry into the same window.
        retryAfterSeconds: allowed
          ? 0
          : Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000)),
        remaining: Math.max(0, limit - count),
      };
    },
  };
}

/** The kinds of operation that have budgets of their own. */
export type RateLimitedAction =
  | 'read'
  | 'write'
  | 'startOAuthFlow'
  | 'completeOAuthCallback'
  | 'createApiKeyCredential'
  | 'verifyApiKey'
  | 'issueCredentialToken';

export const RATE_LIMITED_ACTIONS: readonly RateLimitedAction[] = [
  'read',
  'write',
  'startOAuthFlow',
  'completeOAuthCallback',
  'createApiKeyCredential',
  'verifyApiKey',
  'issueCredentialToken',
];

/** At most `limit` requests per fixed window of `windowMs`. */
export interface RateLimitBudget {
  limit: number;
  windowMs: number;
}

export type RateLimitBudgets = Record<RateLimitedAction, RateLimitBudget>;

/** The resolved policy (every budget set). */
export interface RateLimitPolicy {
  perPrincipal: RateLimitBudgets;
  perIp: RateLimitBudgets;
  /** Reverse proxies in front of the server that append to `X-Forwarded-For` (default 0). */
  trustProxy: number;
  /** Keys the in-memory store holds at most (default 100,000). */
  maxKeys: number;
}

/**
 * The `rateLimits` option: any budget left out keeps its default (see the table at the top of
 * this file), e.g. `{ perPrincipal: { createApiKeyCredential: { limit: 10, windowMs: 60_000 } } }`.
 */
export interface RateLimitOptions {
  perPrincipal?: Partial<RateLimitBudgets>;
  perIp?: Partial<RateLimitBudgets>;
  trustProxy?: number;
  maxKeys?: number;
  /**
   * Where the client's address comes from on a runtime other than @hono/node-server (Bun, Deno,
   * a serverless adapter), e.g. through `hono/conninfo`. Null: no address is known.
   */
  clientAddress?: (request: Request, env: unknown) => string | null;
}

const MINUTE = 60_000;
const perMinute = (limit: number): RateLimitBudget => ({ limit, windowMs: MINUTE });

/** The defaults, and why, are in the table at the top of this file. */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimitPolicy> = Object.freeze({
  perPrincipal: {
    read: perMinute(600),
    write: perMinute(120),
    startOAuthFlow: perMinute(30),
    completeOAuthCallback: perMinute(30),
    createApiKeyCredential: perMinute(30),
    verifyApiKey: perMinute(30),
    issueCredentialToken: perMinute(3_000),
  },
  perIp: {
    read: perMinute(3_000),
    write: perMinute(600),
    startOAuthFlow: perMinute(120),
    completeOAuthCallback: perMinute(120),
    createApiKeyCredential: perMinute(120),
    verifyApiKey: perMinute(120),
    issueCredentialToken: perMinute(6_000),
  },
  trustProxy: 0,
  maxKeys: 100_000,
});

/** The policy with every default filled in; throws (boot refused) on a budget that is wrong. */
export function resolveRateLimitPolicy(options: RateLimitOptions = {}): RateLimitPolicy {
  const merge = (defaults: RateLimitBudgets, given: Partial<RateLimitBudgets> = {}) => {
    const budgets = { ...defaults, ...given };
    for (const action of RATE_LIMITED_ACTIONS) {
      const { limit, windowMs } = budgets[action];
      if (!Number.isInteger(limit) || limit < 1) {
        throw new Error(`The ${action} rate limit must be a positive whole number of requests.`);
      }
      // Retry-After is in whole seconds: a shorter window could not be told apart from none.
      if (!Number.isInteger(windowMs) || windowMs < 1000) {
        throw new Error(`The ${action} rate-limit window must be at least 1,000 ms.`);
      }
    }
    return budgets;
  };
  const trustProxy = options.trustProxy ?? DEFAULT_RATE_LIMITS.trustProxy;
  if (!Number.isInteger(trustProxy) || trustProxy < 0) {
    throw new Error('trustProxy must be the number of proxies in front of the server (0 or more).');
  }
  const maxKeys = options.maxKeys ?? DEFAULT_RATE_LIMITS.maxKeys;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new Error('The rate limiter’s maxKeys must be a positive integer.');
  }
  return {
    perPrincipal: merge(DEFAULT_RATE_LIMITS.perPrincipal, options.perPrincipal),
    perIp: merge(DEFAULT_RATE_LIMITS.perIp, options.perIp),
    trustProxy,
    maxKeys,
  };
}

/** Which budget an operation spends. */
export function rateLimitedAction(operationId: string, method: string): RateLimitedAction {
  switch (operationId) {
    case 'startOAuthFlow':
    case 'completeOAuthCallback':
    case 'createApiKeyCredential':
    case 'issueCredentialToken':
      return operationId;
    // Both **Test**s ask the provider about a key: one budget, as tight as the create's.
    case 'verifyApiKeyDraft':
    case 'verifyCredential':
      return 'verifyApiKey';
    default:
      return method.toLowerCase() === 'get' ? 'read' : 'write';
  }
}

/** The hook the contract router calls (`ContractRouterOptions.rateLimiting`). */
export interface RateLimiting {
  /**
   * Before authentication: spends the client address's budget for the operation. Throws the
   * 429 `ApiError` when it is spent.
   */
  checkClient(
    operation: { operationId: string; method: string },
    request: Request,
    env: unknown,
  ): Promise<void>;
  /** After authentication: spends the principal's budget for the operation; throws the 429. */
  checkPrincipal(
    operation: { operationId: string; method: string },
    principal: Principal,
  ): Promise<void>;
}

/** Options of {@link createRateLimiting}. */
export interface RateLimitingOptions {
  /**
   * The PostgreSQL database whose `rate_limit_counters` instances share, or null for counters
   * in this process's memory (one instance, or PGlite).
   */
  db: Database | null;
  clock: () => Date;
  policy?: RateLimitOptions;
  /** Another store (tests); overrides `db`. */
  store?: RateLimitStore;
}

/** The key every request without a known client address shares (in-process `app.fetch`). */
export const UNKNOWN_CLIENT = 'unknown';

/** Builds the router's rate-limiting hook over the memory or the PostgreSQL store. */
export function createRateLimiting(options: RateLimitingOptions): RateLimiting {
  const policy = resolveRateLimitPolicy(options.policy);
  const longestWindowMs = Math.max(
    ...RATE_LIMITED_ACTIONS.flatMap((action) => [
      policy.perPrincipal[action].windowMs,
      policy.perIp[action].windowMs,
    ]),
  );
  const store =
    options.store ??
    (options.db
      ? createSqlRateLimitStore(options.db, { longestWindowMs })
      : createMemoryRateLimitStore({ maxKeys: policy.maxKeys }));
  const limiter = createRateLimiter(store);
  const addressOf =
    options.policy?.clientAddress ??
    ((request: Request, env: unknown) =>
      clientAddress(request, env, { trustProxy: policy.trustProxy }));

  async function spend(key: string, budget: RateLimitBudget): Promise<void> {
    const decision = await limiter.hit(key, budget.limit, budget.windowMs, options.clock());
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  }

  return {
    async checkClient(operation, request, env) {
      const action = rateLimitedAction(operation.operationId, operation.method);
      const address = addressOf(request, env) ?? UNKNOWN_CLIENT;
      await spend(`ip:${action}:${address}`, policy.perIp[action]);
    },
    async checkPrincipal(operation, principal) {
      const action = rateLimitedAction(operation.operationId, operation.method);
      await spend(`principal:${action}:${principalKey(principal)}`, policy.perPrincipal[action]);
    },
  };
}

/**
 * The principal's part of a key: JSON, so that no tenant or user id can spell another pair; a
 * digest when long, because a host's ids are unbounded and the key is a primary-key column.
 */
function principalKey(principal: Principal): string {
  const plain = JSON.stringify([principal.tenantId, principal.userId]);
  return plain.length <= 200 ? plain : `sha256:${createHash('sha256').update(plain).digest('hex')}`;
}

/** The contract's 429 (`TooManyRequests`). */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  const seconds = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`;
  return new ApiError(
    429,
    {
      code: 'rate_limited',
      message: `Too many requests. Try again in ${seconds}.`,
      retryable: true,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
