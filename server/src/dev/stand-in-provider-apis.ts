/**
 * Stand-in provider APIs for development and tests: the endpoints the API-key verifiers call,
 * answering as the real Notion, Firecrawl and Jina Reader do. They accept exactly the keys of the
 * providers' real formats (`src/rules/provider-key-formats.ts`, the rule the MSW mock applies
 * too) and answer anything else with the provider's own 401.
 *
 * Served under `/notion`, `/firecrawl` and `/jina`, so the registry's endpoints in development and
 * tests are `<origin>/notion`, `<origin>/firecrawl` and `<origin>/jina`.
 *
 * Simulating a failure of the provider: use a well-formed key whose tail (after `ntn_`, `fc-`,
 * `jina_`) starts with a marker of `standInFailureMarkers` — `dead0503` (503 + Retry-After, an
 * outage), `dead0429` (429 + Retry-After), `dead0500` (500), `dead0408` (never answers, until the
 * client gives up or `hangMs` passes), `dead0302` (a redirect to the metadata address).
 * `exampleProviderKey(providerId, 'outage')` builds one.
 *
 * Development and tests only: creating it with `NODE_ENV=production` throws, and a request from
 * anywhere but loopback is refused, whatever address it was bound to.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import {
  standInKeyBehaviour,
  type StandInFailure,
} from '../../../src/rules/provider-key-formats.ts';

/** Options of {@link createStandInProviderApis}. */
export interface StandInProviderApisOptions {
  /** How long a `dead0408` key's request hangs before it is answered with 504. Default 60,000. */
  hangMs?: number;
  /** The Retry-After (seconds) of simulated 429 and 503 answers. Default 30. */
  retryAfterSeconds?: number;
}

type JsonBody = Record<string, unknown>;

/** How one provider writes its errors. */
interface ErrorShapes {
  unauthorized: JsonBody;
  rateLimited: JsonBody;
  unavailable: JsonBody;
  serverError: JsonBody;
  gatewayTimeout: JsonBody;
}

const notionError = (status: number, code: string, message: string): JsonBody => ({
  object: 'error',
  status,
  code,
  message,
});

const notionErrors: ErrorShapes = {
  unauthorized: notionError(401, 'unauthorized', 'API token is invalid.'),
  rateLimited: notionError(
    429,
    'rate_limited',
    'You have been rate limited. Please try again in a few minutes.',
  ),
  unavailable: notionError(
    503,
    'service_unavailable',
    'Notion is unavailable, please try again later.',
  ),
  serverError: notionError(500, 'internal_server_error', 'Unexpected error occurred.'),
  gatewayTimeout: notionError(504, 'gateway_timeout', 'Notion timed out.'),
};

const firecrawlErrors: ErrorShapes = {
  unauthorized: { success: false, error: 'Unauthorized: Invalid token' },
  rateLimited: {
    success: false,
    error: 'Rate limit exceeded. Please wait and try again, or upgrade your plan.',
  },
  unavailable: { success: false, error: 'Service Unavailable' },
  serverError: { success: false, error: 'An unexpected error occurred. Please try again.' },
  gatewayTimeout: { success: false, error: 'Gateway Timeout' },
};

// Jina's API answers errors in the shape of its RPC framework (civkit).
const jinaError = (code: number, status: number, name: string, message: string): JsonBody => ({
  data: null,
  code,
  name,
  status,
  message,
  readableMessage: `${name}: ${message}`,
});

const jinaErrors: ErrorShapes = {
  unauthorized: jinaError(
    401,
    40103,
    'AuthenticationFailedError',
    'Invalid API key, please get a new one from https://jina.ai',
  ),
  rateLimited: jinaError(
    429,
    42903,
    'RateLimitTriggeredError',
    'Per IP rate limit exceeded, please try again later.',
  ),
  unavailable: jinaError(
    503,
    50301,
    'ServiceNodeResourceDrainError',
    'The service is busy, please try again later.',
  ),
  serverError: jinaError(500, 50000, 'ServiceCrashedError', 'Something went wrong.'),
  gatewayTimeout: jinaError(504, 50400, 'TimeoutError', 'The request timed out.'),
};

/** Where a `dead0302` key is redirected: the cloud metadata address, which must never be reached. */
const redirectTarget = 'http://169.254.169.254/latest/meta-data/';

function bearerToken(c: Context): string {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? '';
}

/** 127.0.0.0/8 and ::1, also as the IPv4-mapped addresses a dual-stack socket reports. */
function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || /^(::ffff:)?127\./i.test(address);
}

function remoteAddress(c: Context): string | null | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No Node socket behind the request: it was made in-process (`app.request()`), not over a
    // network, so there is no remote peer to refuse.
    return null;
  }
}

/**
 * Creates the stand-in provider APIs as a Hono app (serve it on 127.0.0.1 only; see
 * `startStandInProviderApis` for a ready-made loopback server). Throws under `NODE_ENV=production`.
 */
export function createStandInProviderApis(options: StandInProviderApisOptions = {}): Hono {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The stand-in provider APIs are for development and tests only.');
  }
  const hangMs = options.hangMs ?? 60_000;
  const retryAfter = String(options.retryAfterSeconds ?? 30);
  const app = new Hono();

  app.use('*', async (c, next) => {
    const address = remoteAddress(c);
    if (address !== null && !isLoopback(address)) {
      return c.json({ error: 'The stand-in provider APIs answer loopback clients only.' }, 403);
    }
    await next();
  });

  /** Answers a simulated failure in the provider's own shapes. */
  async function fail(c: Context, failure: StandInFailure, shapes: ErrorShapes) {
    switch (failure) {
      case 'outage':
        return c.json(shapes.unavailable, 503, { 'Retry-After': retryAfter });
      case 'rate_limited':
        return c.json(shapes.rateLimited, 429, { 'Retry-After': retryAfter });
      case 'server_error':
        return c.json(shapes.serverError, 500);
      case 'redirect':
        return c.redirect(redirectTarget, 302);
      case 'hang': {
        // Hold the request until the client gives up (its abort closes the connection, which
        // aborts this signal) or `hangMs` passes, so a test never leaves a timer behind.
        const signal = c.req.raw.signal;
        await new Promise<void>((resolve) => {
          if (signal.aborted) {
            resolve();
            return;
          }
          const timer = setTimeout(resolve, hangMs);
          signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        });
        return c.json(shapes.gatewayTimeout, 504);
      }
    }
  }

  // Notion: the integration's own bot user.
  app.get('/notion/v1/users/me', async (c) => {
    if (!c.req.header('notion-version')) {
      return c.json(
        notionError(
          400,
          'missing_version',
          'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
        ),
        400,
      );
    }
    const behaviour = standInKeyBehaviour('notion', 'integration_secret', bearerToken(c));
    if (behaviour === 'refuse') return c.json(notionErrors.unauthorized, 401);
    if (behaviour !== 'accept') return fail(c, behaviour, notionErrors);
    return c.json({
      object: 'user',
      id: '9a3b5ad5-9b4f-4b87-8a1d-6f1c2f0e1a11',
      name: 'Pipeline Connect',
      avatar_url: null,
      type: 'bot',
      bot: { owner: { type: 'workspace', workspace: true }, workspace_name: "Ada's Workspace" },
      request_id: 'b2f5a7a4-3d0c-4a53-9b1e-0f6a4c1d2e33',
    });
  });

  // Firecrawl: the team's remaining credits (v1 and v2 spell it alike).
  app.get('/firecrawl/:version{v1|v2}/team/credit-usage', async (c) => {
    const behaviour = standInKeyBehaviour('firecrawl', 'firecrawl_api_key', bearerToken(c));
    if (behaviour === 'refuse') return c.json(firecrawlErrors.unauthorized, 401);
    if (behaviour !== 'accept') return fail(c, behaviour, firecrawlErrors);
    return c.json({ success: true, data: { remaining_credits: 500 } });
  });

  // Jina Reader: reads the page named in the path; anonymous requests are served too.
  app.get('/jina/*', async (c) => {
    const token = bearerToken(c);
    if (token !== '') {
      const behaviour = standInKeyBehaviour('jina-reader', 'api_key', token);
      if (behaviour === 'refuse') return c.json(jinaErrors.unauthorized, 401);
      if (behaviour !== 'accept') return fail(c, behaviour, jinaErrors);
    }
    const target = new URL(c.req.url).pathname.slice('/jina/'.length);
    return c.json({
      code: 200,
      status: 20000,
      data: {
        title: 'Example Domain',
        url: target,
        content: 'This domain is for use in illustrative examples in documents.',
        usage: { tokens: 12 },
      },
    });
  });

  return app;
}
