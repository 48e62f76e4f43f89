/**
 * Token refresh against the stand-in authorization server (oidc-provider: 60-second access
 * tokens, refresh tokens rotated on every use, and a rotated refresh token used twice revokes the
 * whole grant — so a double refresh shows up as a failure, not only as a count). The server
 * decides when to refresh from its own clock, which the tests move; the stand-in issues tokens
 * on real time, which barely moves meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { readAudit } from '../src/domain/audit';
import { credentials } from '../src/storage/schema';
import { connectOAuth, startOAuthServer } from './support/oauth-stack';
import { providerTraffic } from './support/provider-traffic';
import { call } from './support/test-server';

type Json = Record<string, unknown>;
const RUNNER = 'refresh-runner-0123456789abcdef0123456789';
const SECOND = 1000;

/** A server over the stand-in, on a clock the test moves, with its provider traffic watched. */
async function refreshingServer(options: { start?: number } = {}) {
  let now = options.start ?? Date.now();
  const traffic = { current: null as ReturnType<typeof providerTraffic> | null };
  const stack = await startOAuthServer(
    { clock: () => new Date(now), serviceTokens: [{ tenantId: 'local', token: RUNNER }] },
    { wrapFetch: (fetch) => (traffic.current = providerTraffic(fetch)).fetch },
  );
  const issue = (id: string) =>
    call(stack.server, 'POST', `/credentials/${id}/token`, {
      headers: { authorization: `Bearer ${RUNNER}` },
    });
  const listed = async (id: string) =>
    ((await stack.browser.call('GET', '/credentials')).json?.credentials as Json[]).find(
      (credential) => credential.id === id,
    );
  return {
    ...stack,
    traffic: traffic.current!,
    issue,
    listed,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('OAuth token refresh', () => {
  it('refreshes a token read inside its window (30 s early for a 60 s token), once, with the rotated refresh token next time', async () => {
    const { traffic, browser, issue, listed, advance } = await refreshingServer();
    const id = await connectOAuth(browser, 'google-drive');
    const first = await issue(id);
    const before = await listed(id);

    advance(29 * SECOND);
    expect((await issue(id)).json?.accessToken).toBe(first.json?.accessToken);
    expect(traffic.count('refresh')).toBe(0);

    advance(2 * SECOND);
    const refreshed = await issue(id);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json?.accessToken).not.toBe(first.json?.accessToken);
    expect(traffic.count('refresh')).toBe(1);
    expect((await issue(id)).json?.accessToken).toBe(refreshed.json?.accessToken);
    expect(traffic.count('refresh')).toBe(1);

    // A refresh moves expiresAt but not the version: no one's edit is made stale by it.
    const after = await listed(id);
    expect(after).toMatchObject({ version: before?.version, status: 'active' });
    expect(Date.parse(String(after?.expiresAt))).toBeGreaterThan(
      Date.parse(String(before?.expiresAt)),
    );

    // The next refresh must use the rotated refresh token: reusing the first one would make the
    // stand-in revoke the grant, and this would be a 409.
    advance(31 * SECOND);
    const again = await issue(id);
    expect(again.status).toBe(200);
    expect(again.json?.accessToken).not.toBe(refreshed.json?.accessToken);
    expect(traffic.count('refresh')).toBe(2);
  });

  it('makes 100 concurrent reads of a due token one refresh (single-flight)', async () => {
    const { traffic, browser, issue, advance } = await refreshingServer();
    const id = await connectOAuth(browser, 'google-drive');
    advance(45 * SECOND);
    const reads = await Promise.all(Array.from({ length: 100 }, () => issue(id)));
    expect(reads.map((read) => read.status)).toEqual(Array(100).fill(200));
    expect(new Set(reads.map((read) => read.json?.accessToken)).size).toBe(1);
    expect(traffic.attempts('refresh')).toBe(1);
  });

  it('does not retry a failed refresh within 30 s: the valid token is still given, an expired one is a 503 with Retry-After', async () => {
    const { server, traffic, browser, issue, listed, advance } = await refreshingServer();
    const id = await connectOAuth(browser, 'google-drive');
    const first = await issue(id);
    traffic.fail('refresh', 2, 'unavailable');

    advance(31 * SECOND); // due; the refresh fails, the token has 29 s left
    const during = await issue(id);
    expect([during.status, during.json?.accessToken]).toEqual([200, first.json?.accessToken]);
    expect(traffic.attempts('refresh')).toBe(1);
    const [row] = await server.database.db.select().from(credentials);
    expect(row).toMatchObject({ lastErrorCode: 'provider_unavailable' });
    expect(row?.refreshFailedAt).not.toBeNull();

    advance(10 * SECOND); // in the cooldown: no attempt
    expect((await issue(id)).status).toBe(200);
    expect(traffic.attempts('refresh')).toBe(1);

    advance(20 * SECOND); // 30 s after the failure, and the token has expired: attempt 2 fails
    const expired = await issue(id);
    expect([expired.status, expired.json?.error]).toEqual([
      503,
      expect.objectContaining({ code: 'provider_unavailable', retryable: true }),
    ]);
    expect(expired.headers.get('retry-after')).toBe('30');
    expect(traffic.attempts('refresh')).toBe(2);
    expect(await listed(id)).toMatchObject({ status: 'expired' });

    advance(12 * SECOND);
    expect((await issue(id)).headers.get('retry-after')).toBe('18');
    expect(traffic.attempts('refresh')).toBe(2);

    advance(18 * SECOND); // the provider is back
    const back = await issue(id);
    expect(back.status).toBe(200);
    expect(back.json?.accessToken).not.toBe(first.json?.accessToken);
    expect(traffic.count('refresh')).toBe(1);
    expect(await listed(id)).toMatchObject({ status: 'active' });
    const [repaired] = await server.database.db.select().from(credentials);
    expect(repaired).toMatchObject({ lastErrorCode: null, refreshFailedAt: null });
  });

  it('counts a network failure like any other: the cooldown, the old token kept', async () => {
    const { traffic, browser, issue, advance } = await refreshingServer();
    const id = await connectOAuth(browser, 'notion');
    const first = await issue(id);
    traffic.fail('refresh', 1, 'network');
    advance(35 * SECOND);
    expect((await issue(id)).json?.accessToken).toBe(first.json?.accessToken);
    advance(29 * SECOND);
    expect((await issue(id)).status).toBe(503);
    expect(traffic.attempts('refresh')).toBe(1);
    advance(1 * SECOND);
    expect((await issue(id)).status).toBe(200);
    expect(traffic.count('refresh')).toBe(1);
  });

  it('marks the credential expired (never deleted) when the provider refuses the grant, until it is re-authorized', async () => {
    const { server, as, traffic, browser, issue, listed, advance } = await refreshingServer();
    const id = await connectOAuth(browser, 'google-drive');
    const token = String((await issue(id)).json?.accessToken);
    // The user revokes the app at the provider: oidc-provider revokes the whole grant.
    const platform = as.platformClients['google-drive'];
    const revoked = await fetch(as.providerEndpoints('google-drive').revocationEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
    });
    expect(revoked.status).toBe(200);

    advance(31 * SECOND);
    const refused = await issue(id);
    expect([refused.status, refused.json?.error]).toEqual([
      409,
      expect.objectContaining({ code: 'credential_expired' }),
    ]);
    // Expired although its last access token would only expire in 29 s: the grant is gone.
    expect(await listed(id)).toMatchObject({ status: 'expired', version: 1 });
    const [row] = await server.database.db.select().from(credentials);
    expect(row).toMatchObject({ lastErrorCode: 'invalid_grant' });

    advance(60 * SECOND); // long past the cooldown: never tried again until re-authorized
    expect((await issue(id)).status).toBe(409);
    expect(traffic.attempts('refresh')).toBe(1);
    const audit = await readAudit(server.database.db);
    expect(audit.find((event) => event.action === 'credential.refresh')).toMatchObject({
      outcome: 'refused',
      credentialId: id,
      detail: 'invalid_grant',
    });

    expect(await connectOAuth(browser, 'google-drive', { credentialId: id })).toBe(id);
    expect(await listed(id)).toMatchObject({ status: 'active', version: 2 });
    expect((await issue(id)).status).toBe(200);
  });

  it('lists when a token was last refreshed and the last refresh problem, until it works again', async () => {
    const start = Date.now();
    const { as, browser, issue, listed, advance } = await refreshingServer({ start });
    const id = await connectOAuth(browser, 'google-drive');
    expect(await listed(id)).toMatchObject({ lastRefreshAt: null, lastError: null });

    advance(31 * SECOND);
    const refreshed = await issue(id);
    expect(refreshed.status).toBe(200);
    const afterRefresh = new Date(start + 31 * SECOND).toISOString();
    expect(await listed(id)).toMatchObject({ lastRefreshAt: afterRefresh, lastError: null });

    // The user revokes the app at the provider: the next refresh is refused (invalid_grant).
    const platform = as.platformClients['google-drive'];
    const revoked = await fetch(as.providerEndpoints('google-drive').revocationEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        token: String(refreshed.json?.accessToken),
        token_type_hint: 'access_token',
      }).toString(),
    });
    expect(revoked.status).toBe(200);
    advance(31 * SECOND);
    expect((await issue(id)).status).toBe(409);
    const refused = await listed(id);
    expect(refused).toMatchObject({
      status: 'expired',
      lastRefreshAt: afterRefresh,
      lastError: {
        code: 'invalid_grant',
        message: expect.stringMatching(/\S/),
        at: new Date(start + 62 * SECOND).toISOString(),
      },
    });
    const problem = refused?.lastError as { code: string; message: string };
    expect(problem.message.length).toBeLessThanOrEqual(500);

    // Re-authorizing repairs it: the problem is gone (and the new grant was never refreshed).
    expect(await connectOAuth(browser, 'google-drive', { credentialId: id })).toBe(id);
    expect(await listed(id)).toMatchObject({
      status: 'active',
      lastRefreshAt: null,
      lastError: null,
    });

    // An API key is never refreshed: both are always null.
    const key = await browser.call('POST', '/providers/firecrawl/credentials', {
      name: 'Key',
      values: { firecrawl_api_key: `fc-${'1'.repeat(32)}` },
    });
    expect(key.status).toBe(201);
    expect(await listed(String(key.json?.id))).toMatchObject({
      method: 'api_key',
      lastRefreshAt: null,
      lastError: null,
    });
  });

  it('a background refresh does not make a concurrent rename fail, nor undo it', async () => {
    const { server, traffic, browser, listed, advance } = await refreshingServer();
    const id = await connectOAuth(browser, 'google-drive');
    const sweeper = server.createRefreshSweeper({ intervalMs: 60_000 });
    advance(40 * SECOND);

    const release = traffic.hold('refresh');
    const sweep = sweeper.runOnce();
    await traffic.held('refresh'); // the refresh is at the provider now
    const renamed = await browser.call(
      'PATCH',
      `/credentials/${id}`,
      { name: 'Team drive' },
      { 'if-match': '"1"' },
    );
    expect([renamed.status, renamed.json?.version]).toEqual([200, 2]);
    release();
    expect(await sweep).toEqual({ swept: true, refreshed: 1, failed: 0 });

    expect(await listed(id)).toMatchObject({ name: 'Team drive', version: 2, status: 'active' });
    const renamedAgain = await browser.call(
      'PATCH',
      `/credentials/${id}`,
      { name: 'Team drive 2' },
      { 'if-match': '"2"' },
    );
    expect(renamedAgain.status).toBe(200);
  });

  it('sweeps the due credentials in the background, and only those', async () => {
    const { server, traffic, browser, listed, advance } = await refreshingServer();
    const drive = await connectOAuth(browser, 'google-drive');
    advance(20 * SECOND);
    const notion = await connectOAuth(browser, 'notion');
    const sweeper = server.createRefreshSweeper({ intervalMs: 60_000 });

    advance(11 * SECOND); // Drive is due (31 s old), Notion is not (11 s)
    expect(await sweeper.runOnce()).toEqual({ swept: true, refreshed: 1, failed: 0 });
    expect(await sweeper.runOnce()).toEqual({ swept: true, refreshed: 0, failed: 0 });
    advance(20 * SECOND);
    expect(await sweeper.runOnce()).toEqual({ swept: true, refreshed: 1, failed: 0 });
    expect(traffic.count('refresh')).toBe(2);
    expect(await listed(drive)).toMatchObject({ status: 'active' });
    expect(await listed(notion)).toMatchObject({ status: 'active' });

    // Started, it sweeps at once and then every interval; close() stops it.
    advance(31 * SECOND);
    sweeper.start();
    await expect.poll(() => traffic.count('refresh')).toBe(4);
    await server.close();
  });
});
