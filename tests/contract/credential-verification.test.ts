import { describe, expect, it } from 'vitest';
import { SECRET_MASK, type Credential, type VerificationReport } from 'pipeline-connect';
// Internal on purpose: the stand-in key formats and failures this file holds both targets to.
import { exampleProviderKey, type StandInFailure } from '../../src/rules/provider-key-formats';
import { allow, callbackInput } from './support/consent';
import { rejectionOf, START, useContractBackend } from './support/contract-harness';

/*
 * **Test** (`verifyApiKeyDraft`: the Add API Key dialog) and **Test connection** / the Edit
 * dialog's **Test** (`verifyCredential`). Both targets judge keys as the providers' stand-ins do
 * (a key in the provider's real format is accepted, anything else refused, a failure marker
 * simulates the provider failing), and answer every verdict with a 200 report in the same words.
 *
 * A stored key the provider refuses, or fails on, cannot be reached through the contract (a
 * create or an edit verifies it first): the recording of those verdicts is held to in the
 * server's own tests (server/test/credential-verification.test.ts).
 */

const REFUSED = 'The provider refused this key.';
const MINUTE = 60_000;

/** The API-key providers, the field that holds the key, and the name messages use. */
const providers = [
  { providerId: 'notion', field: 'integration_secret', name: 'Notion' },
  { providerId: 'firecrawl', field: 'firecrawl_api_key', name: 'Firecrawl' },
  { providerId: 'jina-reader', field: 'api_key', name: 'Jina Reader' },
] as const;

const messages = {
  accepted: (name: string) => `${name} accepted this key.`,
  refused: (name: string) =>
    `${name} refused this key. Check that you copied all of it, and that it has not been revoked.`,
  unreachable: (name: string) =>
    `${name} could not be reached to check the key. Try again in a moment.`,
  rateLimited: (name: string, seconds: number) =>
    `${name} is limiting requests right now. Try again in ${seconds} seconds.`,
  notVerifiable: (name: string) => `${name} keys cannot be checked before they are used.`,
};

/** Failures in which the provider could not be reached or answered nothing usable. */
const unreachable: StandInFailure[] = ['outage', 'server_error', 'hang', 'redirect'];

/** Another well-formed key than `exampleProviderKey(providerId)`, also accepted. */
const otherKey = (providerId: string) => exampleProviderKey(providerId).replace(/0/g, '1');

describe('Test in Add API Key (POST /providers/{providerId}/credentials/verify)', () => {
  const ctx = useContractBackend();
  const test = (providerId: string, values: Record<string, string>) =>
    ctx.backend.verifyApiKeyDraft(providerId, { values });

  describe.each(providers)('$name', ({ providerId, field, name }) => {
    it('says the provider accepted a key in its format, storing nothing', async () => {
      const report = await test(providerId, { [field]: exampleProviderKey(providerId) });
      expect(ctx.exchanges.at(-1)?.status).toBe(200);
      expect(report).toEqual({
        outcome: 'accepted',
        message: messages.accepted(name),
        fieldErrors: {},
        retryAfterSeconds: null,
        checkedAt: new Date(START).toISOString(),
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('says the provider refused a key not in its format, with the field error on it', async () => {
      const report = await test(providerId, { [field]: exampleProviderKey(providerId, 'refuse') });
      expect(ctx.exchanges.at(-1)?.status).toBe(200);
      expect(report).toEqual({
        outcome: 'refused',
        message: messages.refused(name),
        fieldErrors: { [field]: REFUSED },
        retryAfterSeconds: null,
        checkedAt: new Date(START).toISOString(),
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('says the provider is limiting requests, with its Retry-After', async () => {
      const report = await test(providerId, {
        [field]: exampleProviderKey(providerId, 'rate_limited'),
      });
      expect(ctx.exchanges.at(-1)?.status).toBe(200);
      expect(report.outcome).toBe('rate_limited');
      expect(Number.isInteger(report.retryAfterSeconds)).toBe(true);
      const seconds = report.retryAfterSeconds ?? 0;
      expect(seconds).toBeGreaterThan(0);
      expect(report.message).toBe(messages.rateLimited(name, seconds));
      expect(report.fieldErrors).toEqual({});
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it.each(unreachable)(
      'says the provider could not be reached when it fails (%s)',
      async (failure) => {
        const report = await test(providerId, {
          [field]: exampleProviderKey(providerId, failure),
        });
        expect(ctx.exchanges.at(-1)?.status).toBe(200);
        expect([report.outcome, report.message, report.fieldErrors]).toEqual([
          'unreachable',
          messages.unreachable(name),
          {},
        ]);
        // Only a provider that said how long to wait (its 503) gives a time.
        if (failure !== 'outage') expect(report.retryAfterSeconds).toBeNull();
        else expect(report.retryAfterSeconds === null || report.retryAfterSeconds > 0).toBe(true);
        expect(await ctx.backend.listCredentials()).toEqual([]);
      },
    );
  });

  it('says there is nothing to check for Jina Reader without a key', async () => {
    expect(await test('jina-reader', { api_key: '' })).toMatchObject({
      outcome: 'not_verifiable',
      message: messages.notVerifiable('Jina Reader'),
      fieldErrors: {},
      retryAfterSeconds: null,
    });
  });

  it.each([
    ['the mask instead of a key', { firecrawl_api_key: SECRET_MASK }, 'firecrawl_api_key'],
    ['no key', { firecrawl_api_key: '' }, 'firecrawl_api_key'],
    [
      'an address that is not https',
      { firecrawl_api_key: exampleProviderKey('firecrawl'), base_url: 'http://example.com' },
      'base_url',
    ],
    [
      'a field the provider does not have',
      { firecrawl_api_key: exampleProviderKey('firecrawl'), nope: 'x' },
      'nope',
    ],
  ])('answers %s with the create’s 422 validation_failed', async (_, values, field) => {
    const error = await rejectionOf(test('firecrawl', values));
    expect([error.status, error.code, Object.keys(error.fieldErrors)]).toEqual([
      422,
      'validation_failed',
      [field],
    ]);
  });

  it('answers 400 for a provider without API keys and 404 for an unknown provider', async () => {
    const oauthOnly = await rejectionOf(test('google-drive', {}));
    expect([oauthOnly.status, oauthOnly.code]).toEqual([400, 'method_not_supported']);
    const unknown = await rejectionOf(test('nope', {}));
    expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
  });

  it('never answers with the key it tested', async () => {
    const keys = providers.flatMap(({ providerId }) => [
      exampleProviderKey(providerId),
      exampleProviderKey(providerId, 'rate_limited'),
    ]);
    for (const { providerId, field } of providers) {
      await test(providerId, { [field]: exampleProviderKey(providerId) });
      await test(providerId, { [field]: exampleProviderKey(providerId, 'rate_limited') });
    }
    const sent = ctx.exchanges.map((exchange) => exchange.requestBody).join('\n');
    const answered = ctx.exchanges.map((exchange) => exchange.responseBody).join('\n');
    for (const key of keys) {
      expect(sent).toContain(key);
      expect(answered).not.toContain(key);
    }
  });
});

describe('Test connection and Test in Edit (POST /credentials/{credentialId}/verify)', () => {
  const ctx = useContractBackend();
  const createNotion = (key = exampleProviderKey('notion')) =>
    ctx.backend.createApiKeyCredential('notion', {
      name: 'Workspace',
      values: { integration_secret: key },
    });
  const now = (offset: number) => new Date(START + offset).toISOString();

  it('records when the provider last accepted the key: set on create, moved by a test; version and updatedAt kept', async () => {
    const created = await createNotion();
    expect(created.lastVerifiedAt).toBe(now(0));
    ctx.advance(5 * MINUTE);

    const { report, credential } = await ctx.backend.verifyCredential(created.id);
    expect(ctx.exchanges.at(-1)?.status).toBe(200);
    expect(report).toEqual({
      outcome: 'accepted',
      message: messages.accepted('Notion'),
      fieldErrors: {},
      retryAfterSeconds: null,
      checkedAt: now(5 * MINUTE),
    });
    expect(credential).toEqual({ ...created, lastVerifiedAt: now(5 * MINUTE) });
    expect(await ctx.backend.listCredentials()).toEqual([credential]);
  });

  it('sends no body when there is no draft', async () => {
    const created = await createNotion();
    await ctx.backend.verifyCredential(created.id);
    await ctx.backend.verifyCredential(created.id, {});
    expect(ctx.exchanges.slice(-2).map((exchange) => exchange.status)).toEqual([200, 200]);
  });

  it('changes nothing for what cannot be checked (Jina Reader without a key)', async () => {
    const keyless = await ctx.backend.createApiKeyCredential('jina-reader', {
      values: { api_key: '' },
    });
    expect(keyless.lastVerifiedAt).toBeNull();
    ctx.advance(MINUTE);
    const { report, credential } = await ctx.backend.verifyCredential(keyless.id);
    expect([report.outcome, report.message]).toEqual([
      'not_verifiable',
      messages.notVerifiable('Jina Reader'),
    ]);
    expect(credential).toEqual(keyless);
  });

  it.each<[string, string, VerificationReport['outcome']]>([
    ['refused', exampleProviderKey('notion', 'refuse'), 'refused'],
    ['rate-limited', exampleProviderKey('notion', 'rate_limited'), 'rate_limited'],
    ['unreachable', exampleProviderKey('notion', 'server_error'), 'unreachable'],
    ['accepted', otherKey('notion'), 'accepted'],
  ])(
    'tests a draft with another key (%s) without recording anything, the stored key untouched',
    async (_, key, outcome) => {
      const created = await createNotion();
      ctx.advance(MINUTE);
      const { report, credential } = await ctx.backend.verifyCredential(created.id, {
        values: { integration_secret: key },
      });
      expect(report.outcome).toBe(outcome);
      if (outcome === 'refused')
        expect(report.fieldErrors).toEqual({ integration_secret: REFUSED });
      expect(credential).toEqual(created);
      expect(await ctx.backend.listCredentials()).toEqual([created]);
      // What is stored is still the first key: its own test is accepted.
      expect((await ctx.backend.verifyCredential(created.id)).report.outcome).toBe('accepted');
    },
  );

  it.each<[string, Record<string, string>]>([
    ['the mask for the key', { firecrawl_api_key: SECRET_MASK }],
    ['no values at all', {}],
    ['the stored key typed again', { firecrawl_api_key: exampleProviderKey('firecrawl') }],
  ])('records a draft that comes to what is stored (%s)', async (_, values) => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });
    ctx.advance(MINUTE);
    const { report, credential } = await ctx.backend.verifyCredential(created.id, { values });
    expect(report.outcome).toBe('accepted');
    expect(credential).toEqual({ ...created, lastVerifiedAt: now(MINUTE) });
  });

  it('checks a draft with the edit’s field rules (422), recording nothing', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });
    for (const [values, field] of [
      [{ base_url: 'not a url' }, 'base_url'],
      [{ firecrawl_api_key: '' }, 'firecrawl_api_key'],
      [{ nope: 'x' }, 'nope'],
    ] as const) {
      const error = await rejectionOf(ctx.backend.verifyCredential(created.id, { values }));
      expect([error.status, error.code, Object.keys(error.fieldErrors)]).toEqual([
        422,
        'validation_failed',
        [field],
      ]);
    }
    expect(await ctx.backend.listCredentials()).toEqual([created]);
  });

  it('answers 400 method_not_supported for an OAuth credential (whose lastVerifiedAt is null) and 404 for an unknown one', async () => {
    const start = await ctx.backend.startOAuth('notion');
    const done = await ctx.backend.completeOAuthCallback(callbackInput(await allow(ctx, start)));
    const [oauth] = await ctx.backend.listCredentials();
    expect([oauth?.id, oauth?.method, oauth?.lastVerifiedAt]).toEqual([
      done.credentialId,
      'oauth2',
      null,
    ]);
    const wrongMethod = await rejectionOf(ctx.backend.verifyCredential(oauth?.id ?? ''));
    expect([wrongMethod.status, wrongMethod.code]).toEqual([400, 'method_not_supported']);
    const unknown = await rejectionOf(ctx.backend.verifyCredential('no-such-credential'));
    expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
  });

  it('never answers with the stored key or the draft’s', async () => {
    const stored = exampleProviderKey('notion');
    const draft = otherKey('notion');
    const created = await createNotion(stored);
    await ctx.backend.verifyCredential(created.id);
    await ctx.backend.verifyCredential(created.id, { values: { integration_secret: draft } });
    const answered = ctx.exchanges.map((exchange) => exchange.responseBody).join('\n');
    expect(answered).toContain(SECRET_MASK);
    expect(answered).not.toContain(stored);
    expect(answered).not.toContain(draft);
  });
});

describe('lastVerifiedAt on an edit', () => {
  const ctx = useContractBackend();
  const now = (offset: number) => new Date(START + offset).toISOString();

  it('moves when a new key is accepted, and not on a rename', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Production',
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });
    ctx.advance(MINUTE);
    const renamed = await ctx.backend.updateCredential(created.id, created.version, {
      name: 'Renamed',
    });
    expect(renamed.lastVerifiedAt).toBe(now(0));
    ctx.advance(MINUTE);
    const rekeyed: Credential = await ctx.backend.updateCredential(created.id, renamed.version, {
      values: { firecrawl_api_key: otherKey('firecrawl') },
    });
    expect([rekeyed.lastVerifiedAt, rekeyed.version]).toEqual([now(2 * MINUTE), 3]);
  });

  it('is null once the key is replaced by one that cannot be checked (Jina Reader’s cleared)', async () => {
    const created = await ctx.backend.createApiKeyCredential('jina-reader', {
      values: { api_key: exampleProviderKey('jina-reader') },
    });
    expect(created.lastVerifiedAt).toBe(now(0));
    const cleared = await ctx.backend.updateCredential(created.id, created.version, {
      values: { api_key: '' },
    });
    expect(cleared.lastVerifiedAt).toBeNull();
  });
});
