/**
 * Deleting an OAuth credential revokes its tokens at the provider through a retried outbox: the
 * credential is gone at once, the revocation (RFC 7009, at the stand-in authorization server) is
 * retried with exponential backoff until it succeeds or is given up — both audited.
 */
import { describe, expect, it } from 'vitest';
import { createEnvelopeCipher } from '../src/crypto/envelope';
import { readAudit } from '../src/domain/audit';
import { parseStoredTokens, type StoredTokens } from '../src/domain/oauth-client-protocol';
import { revocationBackoffMs } from '../src/domain/revocation-worker';
import type { RunningStandInAuthorizationServer } from '../src/dev/stand-in-authorization-server';
import { credentials, revocationOutbox } from '../src/storage/schema';
import { credentialTokensBinding, outboxTokensBinding } from '../src/storage/sealed-values';
import {
  connectOAuth,
  standInAuthorization,
  standInOAuth,
  standInOutboundFetch,
  startOAuthServer,
} from './support/oauth-stack';
import { providerTraffic } from './support/provider-traffic';
import { testKeys } from './support/test-server';

const SECOND = 1000;

async function revokingServer(
  options: { withoutRevocationEndpoint?: boolean; maxAttempts?: number } = {},
) {
  let now = Date.now();
  const keys = testKeys();
  const as = await standInAuthorization();
  const traffic = providerTraffic(await standInOutboundFetch());
  const oauth = standInOAuth(as, traffic.fetch);
  const stack = await startOAuthServer({
    keys,
    clock: () => new Date(now),
    oauth: options.withoutRevocationEndpoint
      ? {
          ...oauth,
          directory: (providerId, client) => {
            const endpoints = oauth.directory(providerId, client);
            return endpoints && { ...endpoints, revocationEndpoint: null };
          },
        }
      : oauth,
  });
  const worker = stack.server.createRevocationWorker({
    intervalMs: 60_000,
    maxAttempts: options.maxAttempts ?? 8,
  });
  const cipher = createEnvelopeCipher(keys);
  const db = stack.server.database.db;
  return {
    ...stack,
    traffic,
    worker,
    db,
    advance: (ms: number) => {
      now += ms;
    },
    /** The credential's token set, as stored (sealed) — to check the provider's view of it. */
    async tokensOf(id: string): Promise<StoredTokens> {
      const [row] = await db.select().from(credentials);
      if (row?.id !== id || row.tokensSealed === null) throw new Error('No such credential.');
      return parseStoredTokens(await cipher.open(row.tokensSealed, credentialTokensBinding(row)));
    },
    async remove(id: string) {
      const listed = (await stack.browser.call('GET', '/credentials')).json?.credentials as {
        id: string;
        version: number;
      }[];
      const version = listed.find((credential) => credential.id === id)?.version;
      return stack.browser.call('DELETE', `/credentials/${id}`, undefined, {
        'if-match': `"${version}"`,
      });
    },
    outbox: () => db.select().from(revocationOutbox),
    cipher,
  };
}

/** Whether the stand-in still honours the tokens: the account endpoint, and a refresh. */
async function stillValid(as: RunningStandInAuthorizationServer, tokens: StoredTokens) {
  const endpoints = as.providerEndpoints('google-drive');
  const me = await fetch(endpoints.userinfoEndpoint, {
    headers: { authorization: `Bearer ${tokens.accessToken}` },
  });
  const platform = as.platformClients['google-drive'];
  const refresh = await fetch(endpoints.tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken ?? '',
    }).toString(),
  });
  return { accessToken: me.status === 200, refreshToken: refresh.status === 200 };
}

describe('revocation of a deleted OAuth credential’s tokens', () => {
  it('deletes at once, keeps the tokens sealed in the outbox, and revokes them at the provider', async () => {
    const { as, browser, worker, traffic, tokensOf, remove, outbox, cipher, db } =
      await revokingServer();
    const id = await connectOAuth(browser, 'google-drive');
    const tokens = await tokensOf(id);

    expect((await remove(id)).status).toBe(204);
    expect((await browser.call('GET', '/credentials')).json?.credentials).toEqual([]);
    const [queued] = await outbox();
    expect(queued).toMatchObject({ credentialId: id, providerId: 'google-drive', attempts: 0 });
    expect(JSON.stringify(queued)).not.toContain(tokens.accessToken);
    // Re-sealed under the outbox row's own binding: the credential's binding no longer opens it.
    await expect(
      cipher.open(queued!.tokensSealed, credentialTokensBinding({ id, tenantId: 'local' })),
    ).rejects.toThrow();
    expect(
      parseStoredTokens(await cipher.open(queued!.tokensSealed, outboxTokensBinding(queued!))),
    ).toEqual(tokens);
    expect(await stillValid(as, tokens)).toEqual({ accessToken: true, refreshToken: true });
    // (That check's refresh rotated the refresh token; revoking the old one still ends the grant.)

    expect(await worker.runOnce()).toEqual({ revoked: 1, retrying: 0, givenUp: 0 });
    expect(traffic.count('revoke')).toBe(2);
    expect(await outbox()).toEqual([]);
    expect(await stillValid(as, tokens)).toEqual({ accessToken: false, refreshToken: false });
    const audit = await readAudit(db);
    expect(audit.find((event) => event.action === 'credential.revoke')).toMatchObject({
      outcome: 'succeeded',
      credentialId: id,
      detail: null,
    });
  });

  it('retries a failing revocation with exponential backoff until it succeeds', async () => {
    const { as, browser, worker, traffic, tokensOf, remove, outbox, advance, db } =
      await revokingServer();
    const id = await connectOAuth(browser, 'google-drive');
    const tokens = await tokensOf(id);
    await remove(id);
    traffic.fail('revoke', 2);

    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 1, givenUp: 0 });
    expect(await outbox()).toEqual([expect.objectContaining({ attempts: 1 })]);
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 0 });
    advance(revocationBackoffMs(1) - SECOND);
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 0 });
    advance(SECOND); // 30 s after the first failure
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 1, givenUp: 0 });
    expect(revocationBackoffMs(2)).toBe(2 * revocationBackoffMs(1));
    advance(revocationBackoffMs(2) - SECOND);
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 0 });
    advance(SECOND);
    expect(await worker.runOnce()).toEqual({ revoked: 1, retrying: 0, givenUp: 0 });
    expect(traffic.attempts('revoke')).toBe(4);

    expect(await outbox()).toEqual([]);
    expect(await stillValid(as, tokens)).toEqual({ accessToken: false, refreshToken: false });
    const audit = await readAudit(db);
    expect(audit.filter((event) => event.action === 'credential.revoke')).toEqual([
      expect.objectContaining({ outcome: 'succeeded', detail: 'attempts:3' }),
    ]);
  });

  it('gives up after the last attempt, keeps the row and audits it', async () => {
    const { browser, worker, traffic, remove, outbox, advance, db } = await revokingServer({
      maxAttempts: 3,
    });
    const id = await connectOAuth(browser, 'google-drive');
    await remove(id);
    traffic.fail('revoke', 100);

    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    advance(revocationBackoffMs(1));
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    advance(revocationBackoffMs(2));
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 1 });
    advance(24 * 3_600_000);
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 0 });
    expect(traffic.attempts('revoke')).toBe(3);

    const [row] = await outbox();
    expect(row).toMatchObject({ attempts: 3, credentialId: id });
    expect(row?.givenUpAt).not.toBeNull();
    const audit = await readAudit(db);
    expect(audit.filter((event) => event.action === 'credential.revoke')).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        credentialId: id,
        detail: expect.stringMatching(/^given_up:/),
      }),
    ]);
  });

  it('gives up at once, with a note, where the provider has no revocation endpoint', async () => {
    const { browser, worker, traffic, remove, outbox, db } = await revokingServer({
      withoutRevocationEndpoint: true,
    });
    const id = await connectOAuth(browser, 'google-drive');
    await remove(id);
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 1 });
    expect(traffic.attempts('revoke')).toBe(0);
    expect(await outbox()).toEqual([expect.objectContaining({ attempts: 0 })]);
    const audit = await readAudit(db);
    expect(audit.find((event) => event.action === 'credential.revoke')).toMatchObject({
      outcome: 'failed',
      detail: 'given_up:no_revocation_endpoint',
    });
  });

  it('gives up at once when the client the tokens were issued to was replaced', async () => {
    const { browser, worker, traffic, remove, outbox } = await revokingServer();
    const custom = (clientId: string) =>
      browser.call('PUT', '/providers/dropbox/oauth-client', {
        mode: 'custom',
        clientId,
        clientSecret: `${clientId}-secret-0001`,
      });
    await custom('first-dropbox-app');
    const id = await connectOAuth(browser, 'dropbox');
    await custom('second-dropbox-app');
    await remove(id);
    expect(await worker.runOnce()).toEqual({ revoked: 0, retrying: 0, givenUp: 1 });
    expect(traffic.attempts('revoke')).toBe(0);
    expect(await outbox()).toEqual([
      expect.objectContaining({ lastError: 'client_changed', clientId: 'first-dropbox-app' }),
    ]);
  });

  it('also revokes the tokens a refresh obtained while the credential was being deleted', async () => {
    const { as, server, browser, worker, traffic, remove, outbox, advance, cipher } =
      await revokingServer();
    const id = await connectOAuth(browser, 'google-drive');
    advance(40 * SECOND);
    const release = traffic.hold('refresh');
    const sweep = server.createRefreshSweeper({ intervalMs: 60_000 }).runOnce();
    await traffic.held('refresh');
    expect((await remove(id)).status).toBe(204);
    release();
    await sweep;

    const queued = await outbox();
    expect(queued).toHaveLength(2);
    const sets = await Promise.all(
      queued.map(async (row) =>
        parseStoredTokens(await cipher.open(row.tokensSealed, outboxTokensBinding(row))),
      ),
    );
    expect(new Set(sets.map((set) => set.accessToken)).size).toBe(2);
    expect(await worker.runOnce()).toMatchObject({ revoked: 2 });
    for (const tokens of sets) {
      expect((await stillValid(as, tokens)).accessToken).toBe(false);
    }
  });

  it('queues nothing for an API-key credential', async () => {
    const { browser, remove, outbox } = await revokingServer();
    const created = await browser.call('POST', '/providers/firecrawl/credentials', {
      values: { firecrawl_api_key: 'fc-0123456789abcdef0123456789abcdef' },
    });
    expect((await remove(String(created.json?.id))).status).toBe(204);
    expect(await outbox()).toEqual([]);
  });
});
