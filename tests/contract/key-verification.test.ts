import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from 'pipeline-connect';
// Internal on purpose: the stand-in key formats and failures this file holds both targets to.
import { exampleProviderKey, type StandInFailure } from '../../src/rules/provider-key-formats';
import { rejectionOf, useContractBackend } from './support/contract-harness';

/*
 * A backend verifies an API key with its provider before storing it (on create, and on an edit
 * that changes a secret). Both targets judge keys as the providers' stand-ins do: a key in the
 * provider's real format is accepted, anything else refused, and a well-formed key whose tail
 * starts with a failure marker (`standInFailureMarkers`) simulates the provider failing.
 */

const REFUSED = 'The provider refused this key.';

/** The API-key providers, the field that holds the key, and the name messages use. */
const providers = [
  { providerId: 'notion', field: 'integration_secret', name: 'Notion' },
  { providerId: 'firecrawl', field: 'firecrawl_api_key', name: 'Firecrawl' },
  { providerId: 'jina-reader', field: 'api_key', name: 'Jina Reader' },
] as const;

/** Keys that are not in the provider's format: the right prefix with the wrong shape, another provider's key, a made-up one. */
const wrongKeys = (providerId: string): string[] => [
  exampleProviderKey(providerId, 'refuse'),
  exampleProviderKey(providerId === 'firecrawl' ? 'notion' : 'firecrawl'),
  providerId === 'firecrawl' ? 'fc-live-123' : providerId === 'notion' ? 'ntn_abc' : 'jina_x',
];

const unavailable = (name: string) =>
  `${name} could not be reached to check the key. Try again in a moment.`;

/** Failures answered 502 (no Retry-After): a 500, a provider that never answers, a redirect. */
const badGateway: StandInFailure[] = ['server_error', 'hang', 'redirect'];
/** Failures answered 503 with Retry-After: the provider's own 503 and 429. */
const serviceUnavailable: StandInFailure[] = ['outage', 'rate_limited'];

describe('API keys are verified with the provider before they are stored', () => {
  const ctx = useContractBackend();
  const create = (providerId: string, field: string, key: string, name?: string) =>
    ctx.backend.createApiKeyCredential(providerId, { name, values: { [field]: key } });

  describe.each(providers)('$name', ({ providerId, field, name }) => {
    it('accepts a key in the provider’s real format', async () => {
      const created = await create(providerId, field, exampleProviderKey(providerId), 'Accepted');
      expect(ctx.exchanges.at(-1)?.status).toBe(201);
      expect(created).toMatchObject({ status: 'active', values: { [field]: SECRET_MASK } });
      expect((await ctx.backend.listCredentials()).map((c) => c.id)).toEqual([created.id]);
    });

    it.each(wrongKeys(providerId))(
      'refuses %s with 422 credential_rejected on the key, storing nothing',
      async (key) => {
        const error = await rejectionOf(create(providerId, field, key, 'Refused'));
        expect([error.status, error.code, error.retryable, error.message]).toEqual([
          422,
          'credential_rejected',
          false,
          REFUSED,
        ]);
        expect(error.fieldErrors).toEqual({ [field]: REFUSED });
        expect(await ctx.backend.listCredentials()).toEqual([]);
      },
    );

    it.each(badGateway)(
      'answers 502 provider_unavailable, retryable, when the provider fails (%s), storing nothing',
      async (failure) => {
        const error = await rejectionOf(
          create(providerId, field, exampleProviderKey(providerId, failure)),
        );
        expect([error.status, error.code, error.retryable, error.message]).toEqual([
          502,
          'provider_unavailable',
          true,
          unavailable(name),
        ]);
        expect([error.fieldErrors, error.retryAfterSeconds]).toEqual([{}, null]);
        expect(await ctx.backend.listCredentials()).toEqual([]);
      },
    );

    it.each(serviceUnavailable)(
      'answers 503 provider_unavailable with Retry-After when the provider says %s, storing nothing',
      async (failure) => {
        const error = await rejectionOf(
          create(providerId, field, exampleProviderKey(providerId, failure)),
        );
        expect([error.status, error.code, error.retryable, error.message]).toEqual([
          503,
          'provider_unavailable',
          true,
          unavailable(name),
        ]);
        expect(error.retryAfterSeconds).toBeGreaterThan(0);
        expect(await ctx.backend.listCredentials()).toEqual([]);
      },
    );
  });

  it('accepts a legacy Notion secret (secret_ and 43 letters and digits)', async () => {
    const legacy = `secret_${'A1b2C3d4E5'.repeat(4)}xyz`;
    const created = await create('notion', 'integration_secret', legacy);
    expect(created.values).toEqual({ integration_secret: SECRET_MASK });
  });

  it('checks no key when Jina Reader is added without one', async () => {
    const keyless = await ctx.backend.createApiKeyCredential('jina-reader', {
      values: { api_key: '' },
    });
    expect(keyless).toMatchObject({ status: 'active', values: { api_key: '' } });
  });

  it('lets a refused create be made again with a good key', async () => {
    await rejectionOf(create('firecrawl', 'firecrawl_api_key', 'fc-live-123', 'Production'));
    const created = await create(
      'firecrawl',
      'firecrawl_api_key',
      exampleProviderKey('firecrawl'),
      'Production',
    );
    expect((await ctx.backend.listCredentials()).map((c) => c.name)).toEqual([created.name]);
  });
});

describe('an edit that changes the key verifies the new key', () => {
  const ctx = useContractBackend();
  const createFirecrawl = () =>
    ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Production',
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });

  it('refuses a new key the provider refuses with 422 on the key, leaving the credential as it was', async () => {
    const created = await createFirecrawl();
    const error = await rejectionOf(
      ctx.backend.updateCredential(created.id, created.version, {
        name: 'Renamed',
        values: { firecrawl_api_key: 'fc-live-123' },
      }),
    );
    expect([error.status, error.code, error.retryable]).toEqual([
      422,
      'credential_rejected',
      false,
    ]);
    expect(error.fieldErrors).toEqual({ firecrawl_api_key: REFUSED });
    expect(await ctx.backend.listCredentials()).toEqual([created]);
  });

  it('answers 502 or 503 when the provider cannot check the new key, leaving the credential as it was', async () => {
    const created = await createFirecrawl();
    for (const failure of ['server_error', 'outage'] as const) {
      const error = await rejectionOf(
        ctx.backend.updateCredential(created.id, created.version, {
          values: { firecrawl_api_key: exampleProviderKey('firecrawl', failure) },
        }),
      );
      expect([error.status, error.code, error.retryable], failure).toEqual([
        failure === 'outage' ? 503 : 502,
        'provider_unavailable',
        true,
      ]);
    }
    expect(await ctx.backend.listCredentials()).toEqual([created]);
  });

  it('stores a new key the provider accepts', async () => {
    const created = await createFirecrawl();
    const edited = await ctx.backend.updateCredential(created.id, created.version, {
      values: { firecrawl_api_key: 'fc-95682d7661f1b3c761c622ea64b6e7e4' },
    });
    expect([edited.version, edited.values.firecrawl_api_key]).toEqual([2, SECRET_MASK]);
  });

  it('accepts clearing Jina Reader’s optional key without a check', async () => {
    const created = await ctx.backend.createApiKeyCredential('jina-reader', {
      values: { api_key: exampleProviderKey('jina-reader') },
    });
    const cleared = await ctx.backend.updateCredential(created.id, created.version, {
      values: { api_key: '' },
    });
    expect([cleared.version, cleared.values]).toEqual([2, { api_key: '' }]);
  });
});
