/**
 * **Test** (`POST /providers/{id}/credentials/verify`) and **Test connection**
 * (`POST /credentials/{id}/verify`) through the whole server: the real contract router, the real
 * provider registry through the SSRF-guarded fetch, and the stand-in provider APIs on loopback
 * (the only host allowlisted). The database is the worker's (PGlite unless `TEST_DATABASE_URL`).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SECRET_MASK,
  type Credential,
  type CredentialVerification,
  type VerificationReport,
} from '../../src/credentials/backend.ts';
import {
  exampleProviderKey,
  type StandInKeyBehaviour,
} from '../../src/rules/provider-key-formats.ts';
import type { CredentialsServerOptions } from '../src/create-credentials-server.ts';
import {
  startStandInProviderApis,
  type StandInProviderServer,
} from '../src/dev/stand-in-provider-server.ts';
import { readAudit } from '../src/domain/audit.ts';
import { verificationMessages } from '../../src/rules/verification-messages.ts';
import { verificationReport } from '../src/domain/verification-report.ts';
import { noVerification, type ApiKeyVerifier } from '../src/domain/verification.ts';
import type { Logger } from '../src/logger.ts';
import { createOutboundFetch, type GuardedOutboundFetch } from '../src/providers/outbound-fetch.ts';
import { createProviderRegistry, type ProviderRegistry } from '../src/providers/registry.ts';
import { REFUSED_MESSAGE } from '../src/providers/verification.ts';
import { credentials } from '../src/storage/schema.ts';
import { connectOAuth, startOAuthServer } from './support/oauth-stack.ts';
import { call, startTestServer } from './support/test-server.ts';

const T0 = Date.parse('2030-01-01T09:00:00.000Z');
const MINUTE = 60_000;
/** The Retry-After the stand-ins send with their 429 and 503. */
const RETRY_AFTER = 17;

const providers = [
  { providerId: 'notion', field: 'integration_secret', name: 'Notion' },
  { providerId: 'firecrawl', field: 'firecrawl_api_key', name: 'Firecrawl' },
  { providerId: 'jina-reader', field: 'api_key', name: 'Jina Reader' },
] as const;

const key = (providerId: string, behaviour: StandInKeyBehaviour = 'accept') =>
  exampleProviderKey(providerId, behaviour);

/** Everything logged, by anyone: the registry and the server share this logger. */
const logged: unknown[] = [];
const logger: Logger = {
  info: (message, fields) => logged.push({ message, fields }),
  warn: (message, fields) => logged.push({ message, fields }),
  error: (message, fields) => logged.push({ message, fields }),
};

let standIn: StandInProviderServer;
let outbound: GuardedOutboundFetch;
let registry: ProviderRegistry;

beforeAll(async () => {
  standIn = await startStandInProviderApis({ hangMs: 2_000, retryAfterSeconds: RETRY_AFTER });
  outbound = createOutboundFetch({ allowedHosts: [standIn.hostPort], timeoutMs: 500 });
  registry = createProviderRegistry({ fetch: outbound, endpoints: standIn.endpoints, logger });
});

afterAll(async () => {
  await outbound.close();
  await standIn.close();
});

/**
 * A server verifying against the stand-ins, on a clock the test moves. `seed` stores a credential
 * as a server without a verifier would (nothing asked): how a key the provider refuses, or fails
 * on, comes to be stored — as one revoked, or a provider gone down, after it was saved.
 */
async function start(options: Partial<CredentialsServerOptions> = {}) {
  let now = T0;
  let asking = true;
  const verifier: ApiKeyVerifier = {
    verifyApiKey: (providerId, values, verifyOptions) =>
      (asking ? registry : noVerification).verifyApiKey(providerId, values, verifyOptions),
  };
  const server = await startTestServer({
    verifier,
    clock: () => new Date(now),
    logger,
    ...options,
  });
  const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call(server, method, path, { body, headers });
  return {
    server,
    send,
    at: () => new Date(now).toISOString(),
    advance(ms: number) {
      now += ms;
    },
    async create(providerId: string, values: Record<string, string>, name?: string) {
      const created = await send('POST', `/providers/${providerId}/credentials`, { name, values });
      expect(created.status, created.text).toBe(201);
      return created.json as unknown as Credential;
    },
    async seed(providerId: string, values: Record<string, string>, name?: string) {
      asking = false;
      try {
        return await this.create(providerId, values, name);
      } finally {
        asking = true;
      }
    },
    async testDraft(providerId: string, body: unknown) {
      const answer = await send('POST', `/providers/${providerId}/credentials/verify`, body);
      expect(answer.status, answer.text).toBe(200);
      return answer.json as unknown as VerificationReport;
    },
    async testStored(credentialId: string, body?: unknown) {
      const answer = await send('POST', `/credentials/${credentialId}/verify`, body);
      expect(answer.status, answer.text).toBe(200);
      return answer.json as unknown as CredentialVerification;
    },
    async list() {
      return (await send('GET', '/credentials')).json?.credentials as Credential[];
    },
    /** Marks a credential invalid, as an earlier refusal would have. */
    async markInvalid(credentialId: string) {
      await server.database.db
        .update(credentials)
        .set({ health: 'invalid' })
        .where(eq(credentials.id, credentialId));
    },
  };
}

const errorOf = (answer: { json: Record<string, unknown> | null }) =>
  answer.json?.error as { code: string; fieldErrors?: Record<string, string> };

describe('POST /providers/{providerId}/credentials/verify (Test in Add API Key)', () => {
  describe.each(providers)('$name', ({ providerId, field, name }) => {
    it('says the provider accepted a key in its format, and stores nothing', async () => {
      const t = await start();
      expect(await t.testDraft(providerId, { values: { [field]: key(providerId) } })).toEqual({
        outcome: 'accepted',
        message: `${name} accepted this key.`,
        fieldErrors: {},
        retryAfterSeconds: null,
        checkedAt: new Date(T0).toISOString(),
      });
      expect(await t.list()).toEqual([]);
    });

    it('says the provider refused a key, with the field error on it', async () => {
      const t = await start();
      expect(
        await t.testDraft(providerId, { values: { [field]: key(providerId, 'refuse') } }),
      ).toEqual({
        outcome: 'refused',
        message: `${name} refused this key. Check that you copied all of it, and that it has not been revoked.`,
        fieldErrors: { [field]: REFUSED_MESSAGE },
        retryAfterSeconds: null,
        checkedAt: new Date(T0).toISOString(),
      });
      expect(await t.list()).toEqual([]);
    });

    it('says the provider is limiting requests (its 429), with its Retry-After', async () => {
      const t = await start();
      const report = await t.testDraft(providerId, {
        values: { [field]: key(providerId, 'rate_limited') },
      });
      expect(report).toMatchObject({
        outcome: 'rate_limited',
        message: `${name} is limiting requests right now. Try again in ${RETRY_AFTER} seconds.`,
        fieldErrors: {},
        retryAfterSeconds: RETRY_AFTER,
      });
    });

    it('says the provider could not be reached when it is down (its 503), with its Retry-After', async () => {
      const t = await start();
      const report = await t.testDraft(providerId, {
        values: { [field]: key(providerId, 'outage') },
      });
      expect(report).toMatchObject({
        outcome: 'unreachable',
        message: `${name} could not be reached to check the key. Try again in a moment.`,
        fieldErrors: {},
        retryAfterSeconds: RETRY_AFTER,
      });
    });
  });

  it.each(['server_error', 'hang', 'redirect'] as const)(
    'says the provider could not be reached when it fails (%s), without a wait',
    async (failure) => {
      const t = await start();
      expect(
        await t.testDraft('notion', { values: { integration_secret: key('notion', failure) } }),
      ).toMatchObject({
        outcome: 'unreachable',
        message: 'Notion could not be reached to check the key. Try again in a moment.',
        retryAfterSeconds: null,
      });
    },
  );

  it('says a key cannot be checked when the server has no verifier, or there is no key', async () => {
    const unverified = await start({ verifier: noVerification });
    expect(
      await unverified.testDraft('notion', { values: { integration_secret: key('notion') } }),
    ).toMatchObject({
      outcome: 'not_verifiable',
      message: 'Notion keys cannot be checked before they are used.',
    });
    const t = await start();
    expect(await t.testDraft('jina-reader', { values: { api_key: '' } })).toMatchObject({
      outcome: 'not_verifiable',
      message: 'Jina Reader keys cannot be checked before they are used.',
    });
  });

  it('refuses a self-hosted address that is no Firecrawl API as a field error on base_url', async () => {
    // A development server accepts a loopback address in the field, so it reaches the stand-in.
    const t = await start({ development: true });
    const report = await t.testDraft('firecrawl', {
      values: { firecrawl_api_key: key('firecrawl'), base_url: `${standIn.origin}/elsewhere` },
    });
    expect(report).toMatchObject({
      outcome: 'refused',
      message:
        'Firecrawl could not be checked at this address. Correct the address, then test again.',
      fieldErrors: { base_url: 'No Firecrawl API answered at this address.' },
    });
  });

  it('checks the values with the create’s field rules first (422), asking nobody', async () => {
    const t = await start();
    for (const values of [
      { firecrawl_api_key: SECRET_MASK },
      { firecrawl_api_key: '' },
      { firecrawl_api_key: key('firecrawl'), base_url: 'http://example.com' },
      { firecrawl_api_key: key('firecrawl'), nope: 'x' },
    ]) {
      const answer = await t.send('POST', '/providers/firecrawl/credentials/verify', { values });
      expect(answer.status, JSON.stringify(values)).toBe(422);
      expect(errorOf(answer).code).toBe('validation_failed');
      expect(Object.keys(errorOf(answer).fieldErrors ?? {})).toHaveLength(1);
    }
    expect(await readAudit(t.server.database.db)).toEqual([]);
  });

  it('ignores a name, and answers 400 for a provider without API keys and 404 for none', async () => {
    const t = await start();
    const named = await t.testDraft('notion', {
      name: 'Ignored',
      values: { integration_secret: key('notion') },
    });
    expect(named.outcome).toBe('accepted');
    const oauthOnly = await t.send('POST', '/providers/google-drive/credentials/verify', {
      values: {},
    });
    expect([oauthOnly.status, errorOf(oauthOnly).code]).toEqual([400, 'method_not_supported']);
    const missing = await t.send('POST', '/providers/nope/credentials/verify', { values: {} });
    expect([missing.status, errorOf(missing).code]).toEqual([404, 'not_found']);
  });

  it('is audited with its verdict, and without the key', async () => {
    const t = await start();
    await t.testDraft('notion', { values: { integration_secret: key('notion') } });
    await t.testDraft('notion', { values: { integration_secret: key('notion', 'refuse') } });
    await t.testDraft('notion', { values: { integration_secret: key('notion', 'rate_limited') } });
    const events = (await readAudit(t.server.database.db)).reverse();
    expect(events.map((event) => [event.action, event.outcome, event.detail])).toEqual([
      ['credential.verify', 'succeeded', 'accepted'],
      ['credential.verify', 'refused', 'refused'],
      ['credential.verify', 'failed', 'rate_limited'],
    ]);
    expect(events.every((event) => event.credentialId === null)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(key('notion'));
  });
});

describe('POST /credentials/{credentialId}/verify (Test connection, and Test in Edit)', () => {
  it('records an accepted test of what is stored: lastVerifiedAt, active again; version and updatedAt kept', async () => {
    const t = await start();
    const seeded = await t.seed('notion', { integration_secret: key('notion') });
    expect(seeded.lastVerifiedAt).toBeNull();
    await t.markInvalid(seeded.id);
    expect((await t.list())[0]?.status).toBe('invalid');
    t.advance(5 * MINUTE);

    const { report, credential } = await t.testStored(seeded.id);
    expect(report).toMatchObject({ outcome: 'accepted', checkedAt: t.at() });
    expect(credential).toEqual({
      ...seeded,
      status: 'active',
      lastVerifiedAt: t.at(),
    });
    // The list was cached while the credential read invalid: the recorded verdict shows at once.
    expect(await t.list()).toEqual([credential]);
  });

  it('marks a stored key the provider refuses invalid, keeping its version', async () => {
    const t = await start();
    const seeded = await t.seed('firecrawl', { firecrawl_api_key: key('firecrawl', 'refuse') });
    expect(await t.list()).toEqual([seeded]);

    const { report, credential } = await t.testStored(seeded.id, {});
    expect(report).toMatchObject({
      outcome: 'refused',
      fieldErrors: { firecrawl_api_key: REFUSED_MESSAGE },
    });
    expect(credential).toEqual({ ...seeded, status: 'invalid' });
    expect(await t.list()).toEqual([credential]);
  });

  it.each([
    ['unreachable', 'server_error'],
    ['unreachable', 'outage'],
    ['rate_limited', 'rate_limited'],
  ] as const)('changes nothing when the provider cannot say (%s: %s)', async (outcome, failure) => {
    const t = await start();
    const seeded = await t.seed('jina-reader', { api_key: key('jina-reader', failure) });
    t.advance(MINUTE);
    const { report, credential } = await t.testStored(seeded.id);
    expect(report.outcome).toBe(outcome);
    expect(credential).toEqual(seeded);
    expect(await t.list()).toEqual([seeded]);
  });

  it('changes nothing for what cannot be checked (Jina Reader without a key)', async () => {
    const t = await start();
    const keyless = await t.create('jina-reader', { api_key: '' });
    const { report, credential } = await t.testStored(keyless.id);
    expect(report.outcome).toBe('not_verifiable');
    expect(credential).toEqual(keyless);
  });

  it('tests a draft without recording it, and leaves the stored values as they were', async () => {
    const t = await start();
    const created = await t.create('firecrawl', { firecrawl_api_key: key('firecrawl') });
    expect(created.lastVerifiedAt).toBe(new Date(T0).toISOString());
    const [before] = await t.server.database.db.select().from(credentials);
    t.advance(MINUTE);

    const refused = await t.testStored(created.id, {
      values: { firecrawl_api_key: key('firecrawl', 'refuse') },
    });
    expect(refused.report.outcome).toBe('refused');
    expect(refused.credential).toEqual(created);
    const accepted = await t.testStored(created.id, {
      values: { firecrawl_api_key: exampleProviderKey('firecrawl').replace(/0/g, '1') },
    });
    expect(accepted.report.outcome).toBe('accepted');
    expect(accepted.credential).toEqual(created);
    expect(await t.server.database.db.select().from(credentials)).toEqual([before]);

    // What is stored is still the first key: a test of it is accepted, and recorded.
    const stored = await t.testStored(created.id);
    expect([stored.report.outcome, stored.credential.lastVerifiedAt]).toEqual(['accepted', t.at()]);
  });

  it('records a draft that comes to what is stored: the mask, nothing sent, the key typed again', async () => {
    const t = await start();
    const seeded = await t.seed('firecrawl', { firecrawl_api_key: key('firecrawl') });
    for (const values of [
      { firecrawl_api_key: SECRET_MASK },
      {},
      { firecrawl_api_key: key('firecrawl'), base_url: '' },
    ]) {
      t.advance(MINUTE);
      const { report, credential } = await t.testStored(seeded.id, { values });
      expect([report.outcome, credential.lastVerifiedAt], JSON.stringify(values)).toEqual([
        'accepted',
        t.at(),
      ]);
      expect([credential.version, credential.updatedAt]).toEqual([1, seeded.updatedAt]);
    }
  });

  it('checks a draft with the edit’s field rules (422), recording nothing', async () => {
    const t = await start();
    const created = await t.create('firecrawl', { firecrawl_api_key: key('firecrawl') });
    for (const values of [{ base_url: 'not a url' }, { nope: 'x' }, { firecrawl_api_key: '' }]) {
      const answer = await t.send('POST', `/credentials/${created.id}/verify`, { values });
      expect(answer.status, JSON.stringify(values)).toBe(422);
      expect(errorOf(answer).code).toBe('validation_failed');
    }
    expect(await t.list()).toEqual([created]);
  });

  it('audits a test of what is stored and of a draft, with the credential and without the key', async () => {
    const t = await start();
    const created = await t.create('notion', { integration_secret: key('notion') });
    await t.testStored(created.id);
    await t.testStored(created.id, { values: { integration_secret: key('notion', 'refuse') } });
    const events = (await readAudit(t.server.database.db)).reverse();
    expect(events.map((event) => [event.action, event.outcome, event.detail])).toEqual([
      ['credential.create', 'succeeded', null],
      ['credential.verify', 'succeeded', 'accepted'],
      ['credential.verify', 'refused', 'refused (draft)'],
    ]);
    expect(events.every((event) => event.credentialId === created.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(key('notion'));
  });

  it('answers 400 method_not_supported for an OAuth credential, whose lastVerifiedAt is null', async () => {
    const { server, browser } = await startOAuthServer({ verifier: registry });
    const id = await connectOAuth(browser, 'notion');
    const [row] = await server.database.db.select().from(credentials);
    // The column holds when the grant was issued; the contract's field is about API keys.
    expect(row?.lastVerifiedAt).not.toBeNull();
    const listed = (await browser.call('GET', '/credentials')).json?.credentials as Credential[];
    expect(listed.map((credential) => credential.lastVerifiedAt)).toEqual([null]);

    const answer = await browser.call('POST', `/credentials/${id}/verify`, {});
    expect([answer.status, (answer.json?.error as { code: string }).code]).toEqual([
      400,
      'method_not_supported',
    ]);
  });

  it('answers 404 for an unknown credential and for another tenant’s', async () => {
    const t = await start({
      authenticate: (request) => {
        const tenantId = request.headers.get('x-test-tenant');
        return tenantId ? { tenantId, userId: `user-of-${tenantId}` } : null;
      },
    });
    const created = await t.send(
      'POST',
      '/providers/notion/credentials',
      { values: { integration_secret: key('notion') } },
      { 'x-test-tenant': 'a' },
    );
    const id = String(created.json?.id);
    for (const path of [`/credentials/${id}/verify`, '/credentials/no-such-id/verify']) {
      const answer = await t.send('POST', path, {}, { 'x-test-tenant': 'b' });
      expect([answer.status, errorOf(answer).code]).toEqual([404, 'not_found']);
    }
    const own = await t.send('POST', `/credentials/${id}/verify`, undefined, {
      'x-test-tenant': 'a',
    });
    expect(own.status).toBe(200);
  });
});

describe('the verify routes’ requests', () => {
  it('take no body or JSON only, of at most 64 KB, as every other write', async () => {
    const t = await start();
    const created = await t.create('notion', { integration_secret: key('notion') });
    const post = (path: string, body: string, contentType: string) =>
      t.server.fetch(
        new Request(`http://localhost/api${path}`, {
          method: 'POST',
          body,
          headers: { 'content-type': contentType },
        }),
      );
    for (const path of [
      '/providers/notion/credentials/verify',
      `/credentials/${created.id}/verify`,
    ]) {
      expect((await post(path, '{"values":{}}', 'text/plain')).status).toBe(415);
      expect((await post(path, 'x'.repeat(65 * 1024), 'application/json')).status).toBe(413);
      expect((await post(path, '{"values":', 'application/json')).status).toBe(400);
    }
    const noBody = await t.send('POST', '/providers/notion/credentials/verify');
    expect([noBody.status, errorOf(noBody).code]).toEqual([400, 'bad_request']);
  });
});

describe('lastVerifiedAt on create and edit', () => {
  it('is when the provider accepted the key on create; null when it could not be checked', async () => {
    const t = await start();
    const accepted = await t.create('notion', { integration_secret: key('notion') });
    const keyless = await t.create('jina-reader', { api_key: '' });
    const unverified = await t.seed('firecrawl', { firecrawl_api_key: key('firecrawl') });
    expect([accepted, keyless, unverified].map((c) => c.lastVerifiedAt)).toEqual([
      new Date(T0).toISOString(),
      null,
      null,
    ]);
  });

  it('moves when an edit’s new key is accepted, making the credential active again', async () => {
    const t = await start();
    const created = await t.create('firecrawl', { firecrawl_api_key: key('firecrawl') }, 'Prod');
    await t.markInvalid(created.id);
    t.advance(MINUTE);
    const renamed = await t.send(
      'PATCH',
      `/credentials/${created.id}`,
      { name: 'Production' },
      { 'if-match': '"1"' },
    );
    expect(renamed.json).toMatchObject({
      status: 'invalid',
      lastVerifiedAt: new Date(T0).toISOString(),
    });
    t.advance(MINUTE);
    const rekeyed = await t.send(
      'PATCH',
      `/credentials/${created.id}`,
      { values: { firecrawl_api_key: key('firecrawl').replace(/0/g, '2') } },
      { 'if-match': '"2"' },
    );
    expect(rekeyed.json).toMatchObject({ status: 'active', lastVerifiedAt: t.at(), version: 3 });
  });

  it('is cleared when an edit’s new key cannot be checked, and kept when one is refused', async () => {
    const t = await start();
    const created = await t.create('jina-reader', { api_key: key('jina-reader') });
    const refused = await t.send(
      'PATCH',
      `/credentials/${created.id}`,
      { values: { api_key: key('jina-reader', 'refuse') } },
      { 'if-match': '"1"' },
    );
    expect(refused.status).toBe(422);
    expect(await t.list()).toEqual([created]);
    const cleared = await t.send(
      'PATCH',
      `/credentials/${created.id}`,
      { values: { api_key: '' } },
      { 'if-match': '"1"' },
    );
    expect(cleared.json).toMatchObject({ status: 'active', lastVerifiedAt: null, version: 2 });
  });

  it('still answers a create 503 provider_unavailable when the provider rate-limits', async () => {
    const t = await start();
    const answer = await t.send('POST', '/providers/notion/credentials', {
      values: { integration_secret: key('notion', 'rate_limited') },
    });
    expect([answer.status, errorOf(answer).code, answer.headers.get('retry-after')]).toEqual([
      503,
      'provider_unavailable',
      String(RETRY_AFTER),
    ]);
  });
});

describe('secrets', () => {
  it('are never answered or logged by either test', async () => {
    logged.length = 0;
    const t = await start({ development: true });
    const answers: string[] = [];
    const keys: string[] = [];
    for (const behaviour of ['accept', 'refuse', 'outage', 'rate_limited', 'hang'] as const) {
      const secret = key('notion', behaviour);
      keys.push(secret);
      const draft = await t.send('POST', '/providers/notion/credentials/verify', {
        values: { integration_secret: secret },
      });
      answers.push(draft.text);
      const seeded = await t.seed('notion', { integration_secret: secret }, behaviour);
      answers.push((await t.send('POST', `/credentials/${seeded.id}/verify`)).text);
      const other = key('notion', behaviour).replace(/0/g, '3');
      keys.push(other);
      const edited = await t.send('POST', `/credentials/${seeded.id}/verify`, {
        values: { integration_secret: other },
      });
      answers.push(edited.text);
    }
    answers.push(JSON.stringify(await t.list()));
    // The registry does log what it could not verify (provider and reason): the search below
    // looks through something.
    expect(logged.length).toBeGreaterThan(0);
    const everything = `${answers.join('\n')}\n${JSON.stringify(logged)}`;
    for (const secret of keys) expect(everything).not.toContain(secret);
    expect(everything).toContain(SECRET_MASK);
  });
});

describe('the report’s words', () => {
  const notion = { name: 'Notion', apiKeyFields: [] };
  const at = new Date(T0);

  it('say when to try again in whole seconds, or in a moment when the provider did not say', () => {
    expect(verificationMessages.rateLimited('Notion', 1)).toBe(
      'Notion is limiting requests right now. Try again in 1 second.',
    );
    expect(verificationMessages.rateLimited('Notion', 0)).toBe(
      'Notion is limiting requests right now. Try again in a moment.',
    );
    expect(
      verificationReport(
        { outcome: 'unavailable', reason: 'rate_limited', message: 'x', retryAfterSeconds: null },
        notion,
        at,
      ).message,
    ).toBe('Notion is limiting requests right now. Try again in a moment.');
  });

  it('read an unavailable verdict without a reason (a host’s own verifier) as unreachable', () => {
    expect(
      verificationReport(
        { outcome: 'unavailable', message: 'x', retryAfterSeconds: 4 },
        notion,
        at,
      ),
    ).toEqual({
      outcome: 'unreachable',
      message: 'Notion could not be reached to check the key. Try again in a moment.',
      fieldErrors: {},
      retryAfterSeconds: 4,
      checkedAt: at.toISOString(),
    });
  });
});
