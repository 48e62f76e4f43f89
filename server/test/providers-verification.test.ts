/**
 * API-key verification against the stand-in provider APIs, served with @hono/node-server on
 * 127.0.0.1 (port 0), through the real SSRF-guarded outbound fetch allowlisting exactly that
 * host:port. Nothing leaves loopback: every other name is resolved by an injected lookup.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  exampleProviderKey,
  type StandInKeyBehaviour,
} from '../../src/rules/provider-key-formats.ts';
import { createStandInProviderApis } from '../src/dev/stand-in-provider-apis.ts';
import {
  startStandInProviderApis,
  type StandInProviderServer,
} from '../src/dev/stand-in-provider-server.ts';
import {
  createOutboundFetch,
  type GuardedOutboundFetch,
  type HostLookup,
  type OutboundFetch,
} from '../src/providers/outbound-fetch.ts';
import {
  createProviderRegistry,
  defaultProviderEndpoints,
  type ProviderRegistry,
} from '../src/providers/registry.ts';
import { REFUSED_MESSAGE, type VerificationResult } from '../src/providers/verification.ts';

const secretFields = {
  notion: 'integration_secret',
  firecrawl: 'firecrawl_api_key',
  'jina-reader': 'api_key',
} as const;
type VerifiedProvider = keyof typeof secretFields;
const providers = Object.keys(secretFields) as VerifiedProvider[];

const OVERALL_TIMEOUT_MS = 600;

/** Resolves the test names; anything else fails as unknown, so no real DNS is ever asked. */
const lookup: HostLookup = async (hostname) => {
  const table: Record<string, string> = {
    'metadata.test': '169.254.169.254',
    'intranet.test': '10.0.0.1',
  };
  const address = table[hostname];
  if (!address) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

let standIn: StandInProviderServer;
let outboundFetch: GuardedOutboundFetch;
let registry: ProviderRegistry;
let requested: string[] = [];

/** The guarded fetch, recording the URLs it was asked for. */
const recordingFetch: OutboundFetch = (url, init) => {
  requested.push(String(url));
  return outboundFetch(url, init);
};

function keyValues(providerId: VerifiedProvider, behaviour: StandInKeyBehaviour) {
  return { [secretFields[providerId]]: exampleProviderKey(providerId, behaviour) };
}

beforeAll(async () => {
  standIn = await startStandInProviderApis({ retryAfterSeconds: 17 });
  outboundFetch = createOutboundFetch({
    allowedHosts: [standIn.hostPort],
    lookup,
    timeoutMs: OVERALL_TIMEOUT_MS,
  });
  registry = createProviderRegistry({ fetch: recordingFetch, endpoints: standIn.endpoints });
});

afterAll(async () => {
  await outboundFetch.close();
  await standIn.close();
});

describe('the stand-in server', () => {
  it('listens on 127.0.0.1 only, on the port it was given (0: any free one)', () => {
    expect(standIn.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(standIn.hostPort).toBe(standIn.origin.slice('http://'.length));
    expect(Object.values(standIn.endpoints).every((url) => url.startsWith(standIn.origin))).toBe(
      true,
    );
  });
});

describe('a key the provider accepts', () => {
  it.each(providers)('is accepted by %s', async (providerId) => {
    requested = [];
    expect(await registry.verifyApiKey(providerId, keyValues(providerId, 'accept'))).toEqual({
      outcome: 'accepted',
    });
    expect(requested).toHaveLength(1);
  });

  it("is accepted by Notion in the legacy secret_ format, with Notion's real request", async () => {
    requested = [];
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const spying = createProviderRegistry({
      endpoints: standIn.endpoints,
      fetch: (url, init) => {
        seen.push({ url: String(url), headers: init?.headers ?? {} });
        return outboundFetch(url, init);
      },
    });
    const secret = `secret_${'A1b2'.repeat(11).slice(0, 43)}`;
    expect(await spying.verifyApiKey('notion', { integration_secret: secret })).toEqual({
      outcome: 'accepted',
    });
    expect(seen).toEqual([
      {
        url: `${standIn.endpoints.notion}/v1/users/me`,
        headers: expect.objectContaining({
          Authorization: `Bearer ${secret}`,
          'Notion-Version': '2022-06-28',
        }),
      },
    ]);
  });

  it('is not needed for Jina Reader: no key is accepted without any request', async () => {
    requested = [];
    expect(await registry.verifyApiKey('jina-reader', {})).toEqual({ outcome: 'accepted' });
    expect(await registry.verifyApiKey('jina-reader', { api_key: '  ' })).toEqual({
      outcome: 'accepted',
    });
    expect(requested).toEqual([]);
  });
});

describe('a key the provider refuses', () => {
  it.each(providers)('is refused by %s, as a field error on the secret', async (providerId) => {
    const result = await registry.verifyApiKey(providerId, keyValues(providerId, 'refuse'));
    expect(result).toMatchObject({
      outcome: 'refused',
      field: secretFields[providerId],
      message: REFUSED_MESSAGE,
    });
  });

  it("carries the provider's own words, from its real 401", async () => {
    expect(await registry.verifyApiKey('notion', keyValues('notion', 'refuse'))).toMatchObject({
      providerMessage: 'API token is invalid.',
    });
    expect(
      await registry.verifyApiKey('firecrawl', keyValues('firecrawl', 'refuse')),
    ).toMatchObject({ providerMessage: 'Unauthorized: Invalid token' });
  });

  it('is refused without a request when a required secret is missing', async () => {
    requested = [];
    expect(await registry.verifyApiKey('notion', {})).toMatchObject({
      outcome: 'refused',
      field: 'integration_secret',
    });
    expect(await registry.verifyApiKey('firecrawl', { firecrawl_api_key: '' })).toMatchObject({
      outcome: 'refused',
      field: 'firecrawl_api_key',
    });
    expect(requested).toEqual([]);
  });
});

describe('a provider outage', () => {
  it.each(providers)(
    'makes %s unavailable (retryable) with the Retry-After of its 503',
    async (providerId) => {
      const result = await registry.verifyApiKey(providerId, keyValues(providerId, 'outage'));
      expect(result).toMatchObject({
        outcome: 'unavailable',
        reason: 'unreachable',
        retryAfterSeconds: 17,
      });
    },
  );

  it.each(providers)('makes %s unavailable when it rate-limits (429)', async (providerId) => {
    const result = await registry.verifyApiKey(providerId, keyValues(providerId, 'rate_limited'));
    expect(result).toMatchObject({
      outcome: 'unavailable',
      reason: 'rate_limited',
      retryAfterSeconds: 17,
    });
    expect((result as { message: string }).message).toMatch(/limiting requests/);
  });

  it.each(providers)('makes %s unavailable on a 500, without a wait', async (providerId) => {
    const result = await registry.verifyApiKey(providerId, keyValues(providerId, 'server_error'));
    expect(result).toMatchObject({
      outcome: 'unavailable',
      reason: 'unreachable',
      retryAfterSeconds: null,
    });
  });

  it.each(providers)('makes %s unavailable when it never answers (timeout)', async (providerId) => {
    const started = Date.now();
    const result = await registry.verifyApiKey(providerId, keyValues(providerId, 'hang'));
    expect(result).toMatchObject({
      outcome: 'unavailable',
      reason: 'unreachable',
      retryAfterSeconds: null,
    });
    expect((result as { message: string }).message).toMatch(/did not answer in time/);
    expect(Date.now() - started).toBeLessThan(OVERALL_TIMEOUT_MS + 2_000);
  });

  it.each(providers)(
    'makes %s unavailable when it redirects, and the redirect is not followed',
    async (providerId) => {
      const result = await registry.verifyApiKey(providerId, keyValues(providerId, 'redirect'));
      expect(result).toMatchObject({ outcome: 'unavailable', reason: 'unreachable' });
    },
  );

  it('makes a provider that cannot be reached at all unavailable', async () => {
    const nowhere = createProviderRegistry({
      fetch: outboundFetch,
      // Resolved by the injected lookup, which knows no such name: nothing is sent anywhere.
      endpoints: { notion: 'https://notion.unreachable.test' },
    });
    expect(await nowhere.verifyApiKey('notion', keyValues('notion', 'accept'))).toMatchObject({
      outcome: 'unavailable',
      retryAfterSeconds: null,
    });
  });

  it("rejects with the caller's reason when the caller aborts meanwhile", async () => {
    const controller = new AbortController();
    const reason = new Error('the client went away');
    setTimeout(() => controller.abort(reason), 50);
    await expect(
      registry.verifyApiKey('notion', keyValues('notion', 'hang'), { signal: controller.signal }),
    ).rejects.toBe(reason);
  });
});

describe("Firecrawl's base_url", () => {
  const key = exampleProviderKey('firecrawl');

  it("is verified against the credential's own base when given", async () => {
    requested = [];
    const result = await registry.verifyApiKey('firecrawl', {
      firecrawl_api_key: key,
      base_url: `${standIn.origin}/firecrawl/`,
    });
    expect(result).toEqual({ outcome: 'accepted' });
    expect(requested).toEqual([`${standIn.origin}/firecrawl/v1/team/credit-usage`]);
  });

  it('naming the hosted service uses the configured base (the stand-in here)', async () => {
    requested = [];
    const result = await registry.verifyApiKey('firecrawl', {
      firecrawl_api_key: key,
      base_url: 'https://api.firecrawl.dev/',
    });
    expect(result).toEqual({ outcome: 'accepted' });
    expect(requested).toEqual([`${standIn.endpoints.firecrawl}/v1/team/credit-usage`]);
  });

  it.each([
    ['https://10.0.0.7/', /private or local network/],
    ['https://169.254.169.254/', /private or local network/],
    ['https://[::1]:3000/', /private or local network/],
    ['https://metadata.test/', /private or local network/],
    ['https://intranet.test:8443/firecrawl', /private or local network/],
    ['http://api.example.test/', /https:\/\//],
    ['https://user:secret@api.example.test/', /user name or password/],
    ['ftp://api.example.test/', /address of a Firecrawl API/],
    ['not a url', /address of a Firecrawl API/],
  ])('refuses %s as a field error on base_url, before connecting', async (baseUrl, message) => {
    const result = await registry.verifyApiKey('firecrawl', {
      firecrawl_api_key: key,
      base_url: baseUrl,
    });
    expect(result).toMatchObject({ outcome: 'refused', field: 'base_url' });
    expect((result as { message: string }).message).toMatch(message);
  });

  it('refuses a base that is not a Firecrawl API (404) as a field error on base_url', async () => {
    const result = await registry.verifyApiKey('firecrawl', {
      firecrawl_api_key: key,
      base_url: `${standIn.origin}/somewhere-else`,
    });
    expect(result).toMatchObject({ outcome: 'refused', field: 'base_url' });
  });

  it('refuses a custom base that redirects, as a field error on base_url', async () => {
    const result = await registry.verifyApiKey('firecrawl', {
      firecrawl_api_key: exampleProviderKey('firecrawl', 'redirect'),
      base_url: `${standIn.origin}/firecrawl`,
    });
    expect(result).toMatchObject({ outcome: 'refused', field: 'base_url' });
    expect((result as { message: string }).message).toMatch(/redirects/);
  });
});

describe('providers without a verifier', () => {
  it.each(['google-drive', 'dropbox', 'onedrive', 'no-such-provider'])(
    'say %s is not verifiable, without a request',
    async (providerId) => {
      requested = [];
      expect(registry.canVerifyApiKey(providerId)).toBe(false);
      expect(await registry.verifyApiKey(providerId, { api_key: 'x' })).toEqual({
        outcome: 'not_verifiable',
      });
      expect(requested).toEqual([]);
    },
  );

  it('lists the three that are', () => {
    expect(providers.every((providerId) => registry.canVerifyApiKey(providerId))).toBe(true);
  });
});

describe('provider-supplied text', () => {
  /** A provider that answers every request with `status` and `body` (no network at all). */
  function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
    return createProviderRegistry({
      fetch: async () => new Response(JSON.stringify(body), { status, headers }),
      now: () => new Date('2030-01-01T00:00:00Z'),
    });
  }

  it('never contains the key and is cut to 500 characters', async () => {
    const key = exampleProviderKey('notion');
    const echo = answering(401, {
      object: 'error',
      status: 401,
      code: 'unauthorized',
      message: `Token ${key} is invalid.\u0007 ${'x'.repeat(900)}`,
    });
    const result = (await echo.verifyApiKey('notion', { integration_secret: key })) as Extract<
      VerificationResult,
      { outcome: 'refused' }
    >;
    expect(result.outcome).toBe('refused');
    expect(result.message).toBe(REFUSED_MESSAGE);
    expect(result.providerMessage).toBeDefined();
    expect(result.providerMessage).not.toContain(key);
    expect(result.providerMessage).not.toContain('\u0007');
    expect(result.providerMessage?.startsWith('Token [redacted] is invalid.')).toBe(true);
    expect(Array.from(result.providerMessage ?? '')).toHaveLength(500);
  });

  it('reads a Retry-After date against the injected clock', async () => {
    const limited = answering(
      429,
      { success: false, error: 'Rate limit exceeded' },
      { 'Retry-After': 'Tue, 01 Jan 2030 00:01:30 GMT' },
    );
    expect(
      await limited.verifyApiKey('firecrawl', {
        firecrawl_api_key: exampleProviderKey('firecrawl'),
      }),
    ).toMatchObject({ outcome: 'unavailable', retryAfterSeconds: 90 });
  });

  it('treats an unexpected status as unavailable, not as a refusal', async () => {
    const odd = answering(400, { object: 'error', status: 400, code: 'validation_error' });
    expect(
      await odd.verifyApiKey('notion', { integration_secret: exampleProviderKey('notion') }),
    ).toMatchObject({ outcome: 'unavailable' });
  });
});

describe('the real endpoints', () => {
  it('are the defaults, and each can be overridden on its own', () => {
    const real = createProviderRegistry({ fetch: outboundFetch });
    expect(real.endpoints).toEqual({
      notion: 'https://api.notion.com',
      firecrawl: 'https://api.firecrawl.dev',
      'jina-reader': 'https://r.jina.ai',
    });
    expect(defaultProviderEndpoints).toEqual(real.endpoints);
    const partial = createProviderRegistry({
      fetch: outboundFetch,
      endpoints: { notion: standIn.endpoints.notion },
    });
    expect(partial.endpoints.notion).toBe(standIn.endpoints.notion);
    expect(partial.endpoints.firecrawl).toBe('https://api.firecrawl.dev');
  });
});

describe('the stand-in provider APIs, in-process', () => {
  const app = createStandInProviderApis();

  it.each([
    [
      '/notion/v1/users/me',
      { 'Notion-Version': '2022-06-28' },
      { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' },
    ],
    [
      '/firecrawl/v1/team/credit-usage',
      {},
      { success: false, error: 'Unauthorized: Invalid token' },
    ],
    [
      '/jina/https://example.com',
      {},
      expect.objectContaining({ code: 401, name: 'AuthenticationFailedError' }),
    ],
  ])('%s answers a wrong key with the provider’s real 401', async (path, headers, body) => {
    const response = await app.request(path, {
      headers: { ...headers, Authorization: 'Bearer not-a-key' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(body);
  });

  it('answers Notion without a Notion-Version header as Notion does (400)', async () => {
    const response = await app.request('/notion/v1/users/me', {
      headers: { Authorization: `Bearer ${exampleProviderKey('notion')}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'missing_version' });
  });

  it('refuses clients that are not on loopback', async () => {
    const request = new Request('http://stand-in/firecrawl/v1/team/credit-usage', {
      headers: { Authorization: `Bearer ${exampleProviderKey('firecrawl')}` },
    });
    const remote = { incoming: { socket: { remoteAddress: '203.0.113.9' } } };
    expect((await app.fetch(request.clone(), remote)).status).toBe(403);
    const local = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } };
    expect((await app.fetch(request.clone(), local)).status).toBe(200);
  });

  it('cannot be created in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => createStandInProviderApis()).toThrow(/development and tests only/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
