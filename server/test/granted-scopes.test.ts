/**
 * `Credential.grantedScopes` and `Credential.refreshable` through the whole server, over the
 * stand-in authorization server, whose Google Drive and OneDrive consent pages let the user
 * untick scopes as the real ones do (and whose OneDrive, like Microsoft, issues no refresh token
 * without `offline_access`). The token responses are the stand-in's own; a test that needs one
 * without `scope` (RFC 6749 §5.1 lets a provider leave it out) strips it on the way.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { credentials } from '../src/storage/schema';
import type { OutboundFetch } from '../src/providers/outbound-fetch';
import { giveConsent } from './support/consent';
import { callbackInput, connectOAuth, startOAuthServer } from './support/oauth-stack';
import { call } from './support/test-server';

type Json = Record<string, unknown>;
const RUNNER = 'scopes-runner-0123456789abcdef0123456789ab';
const SECOND = 1000;
const DRIVE = 'https://www.googleapis.com/auth/drive.readonly';
const googleDriveScopes = [DRIVE, 'profile', 'email'];
const oneDriveScopes = ['Files.Read.All', 'User.Read', 'offline_access'];

type GrantType = 'authorization_code' | 'refresh_token';

/**
 * A server over the stand-in on a clock the test moves. `withoutScope` names the grant types
 * whose token responses lose their `scope` on the way to the server.
 */
async function scopesServer() {
  let now = Date.now();
  const withoutScope = new Set<GrantType>();
  const stripScope =
    (fetch: OutboundFetch): OutboundFetch =>
    async (url, init) => {
      const response = await fetch(url, init);
      const grantType = new URLSearchParams(init?.body).get('grant_type') as GrantType | null;
      if (!new URL(url).pathname.endsWith('/token') || grantType === null) return response;
      if (!withoutScope.has(grantType) || !response.ok) return response;
      const { scope: _dropped, ...body } = (await response.json()) as Json;
      return Response.json(body, { status: response.status });
    };
  const stack = await startOAuthServer(
    { clock: () => new Date(now), serviceTokens: [{ tenantId: 'local', token: RUNNER }] },
    { wrapFetch: stripScope },
  );
  const { server, browser } = stack;
  return {
    ...stack,
    withoutScope,
    advance: (ms: number) => {
      now += ms;
    },
    /** The credential as the list shows it. */
    listed: async (id: string) =>
      ((await browser.call('GET', '/credentials')).json?.credentials as Json[]).find(
        (credential) => credential.id === id,
      ),
    /** A read of the credential's token by a runner (refreshes it when it is due). */
    issue: (id: string) =>
      call(server, 'POST', `/credentials/${id}/token`, {
        headers: { authorization: `Bearer ${RUNNER}` },
      }),
    /** Saves a custom OneDrive client (it has no platform client); the stand-in learns it. */
    useOneDriveClient: async () => {
      const saved = await browser.call('PUT', '/providers/onedrive/oauth-client', {
        mode: 'custom',
        clientId: 'contoso-onedrive-app',
        clientSecret: 'contoso-onedrive-secret',
      });
      expect(saved.status).toBe(200);
    },
  };
}

const sorted = (scopes: unknown) => [...(scopes as string[])].sort();

describe('granted scopes and refreshable', () => {
  it('a full grant records every requested scope and a refresh token (Google Drive and OneDrive)', async () => {
    const { server, listed, useOneDriveClient, browser } = await scopesServer();
    const drive = await connectOAuth(browser, 'google-drive');
    expect(await listed(drive)).toMatchObject({ refreshable: true });
    expect(sorted((await listed(drive))?.grantedScopes)).toEqual([...googleDriveScopes].sort());

    await useOneDriveClient();
    const onedrive = await connectOAuth(browser, 'onedrive');
    expect(await listed(onedrive)).toMatchObject({ refreshable: true, lastError: null });
    expect(sorted((await listed(onedrive))?.grantedScopes)).toEqual([...oneDriveScopes].sort());

    // Plain columns beside the sealed tokens: the list never needs to open them.
    const [row] = await server.database.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, onedrive));
    expect(row).toMatchObject({ refreshable: true });
    expect(row?.grantedScopes?.split(' ').sort()).toEqual([...oneDriveScopes].sort());
    expect(row?.tokensSealed).toMatch(/^pc1\./);
  });

  it('OneDrive with offline_access unticked: granted without it, not refreshable, and a due refresh reports no_refresh_token', async () => {
    const { browser, listed, issue, advance, useOneDriveClient } = await scopesServer();
    await useOneDriveClient();
    const id = await connectOAuth(
      browser,
      'onedrive',
      {},
      { grant: ['Files.Read.All', 'User.Read'] },
    );
    const connected = await listed(id);
    expect(connected).toMatchObject({ status: 'active', refreshable: false, lastError: null });
    expect(sorted(connected?.grantedScopes)).toEqual(['Files.Read.All', 'User.Read']);

    const first = await issue(id);
    expect(first.status).toBe(200);
    advance(31 * SECOND); // due (a 60 s token): nothing to refresh with, the token still lives
    const due = await issue(id);
    expect([due.status, due.json?.accessToken]).toEqual([200, first.json?.accessToken]);
    expect(await listed(id)).toMatchObject({
      refreshable: false,
      lastError: expect.objectContaining({ code: 'no_refresh_token' }),
    });

    // Re-authorizing with everything granted makes the same credential refreshable again.
    expect(await connectOAuth(browser, 'onedrive', { credentialId: id })).toBe(id);
    const repaired = await listed(id);
    expect(repaired).toMatchObject({ refreshable: true, lastError: null });
    expect(sorted(repaired?.grantedScopes)).toEqual([...oneDriveScopes].sort());
    advance(31 * SECOND);
    const refreshed = await issue(id);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json?.accessToken).not.toBe(first.json?.accessToken);
  });

  it('Google Drive with drive.readonly unticked lacks it; re-authorizing with everything granted restores it on the same credential', async () => {
    const { browser, listed } = await scopesServer();
    const id = await connectOAuth(browser, 'google-drive', {}, { grant: ['profile', 'email'] });
    const narrowed = await listed(id);
    expect(narrowed).toMatchObject({ status: 'active', refreshable: true });
    expect(sorted(narrowed?.grantedScopes)).toEqual(['email', 'profile']);

    expect(await connectOAuth(browser, 'google-drive', { credentialId: id })).toBe(id);
    const restored = await listed(id);
    expect(sorted(restored?.grantedScopes)).toEqual([...googleDriveScopes].sort());
    expect(restored).toMatchObject({ refreshable: true, version: 2 });

    // Reconnecting the same account (no credentialId) narrows the same credential again.
    expect(await connectOAuth(browser, 'google-drive', {}, { grant: [DRIVE] })).toBe(id);
    expect((await listed(id))?.grantedScopes).toEqual([DRIVE]);
    expect((await browser.call('GET', '/credentials')).json?.credentials).toHaveLength(1);
  });

  it('a refresh that names the scopes updates them; one without scope keeps them', async () => {
    const { server, browser, listed, issue, advance, withoutScope } = await scopesServer();
    const id = await connectOAuth(browser, 'google-drive', {}, { grant: ['profile', 'email'] });

    // A stored record unlike the grant: a refresh whose response names the scopes replaces it.
    await server.database.db
      .update(credentials)
      .set({ grantedScopes: 'profile' })
      .where(eq(credentials.id, id));
    advance(31 * SECOND);
    expect((await issue(id)).status).toBe(200);
    const named = await listed(id);
    expect(named?.lastRefreshAt).not.toBeNull();
    expect(sorted(named?.grantedScopes)).toEqual(['email', 'profile']);

    // Without `scope` the previous value stays: neither null nor the scopes asked for.
    withoutScope.add('refresh_token');
    advance(31 * SECOND);
    const before = String((await listed(id))?.lastRefreshAt);
    expect((await issue(id)).status).toBe(200);
    const kept = await listed(id);
    expect(kept?.lastRefreshAt).not.toBe(before);
    expect(sorted(kept?.grantedScopes)).toEqual(['email', 'profile']);
    expect(kept).toMatchObject({ refreshable: true });
  });

  it('a code exchange whose response has no scope records the scopes asked for (RFC 6749 §5.1)', async () => {
    const { browser, listed, withoutScope } = await scopesServer();
    withoutScope.add('authorization_code');
    const id = await connectOAuth(browser, 'notion');
    expect(await listed(id)).toMatchObject({ grantedScopes: ['read_content'], refreshable: true });
  });

  it('Allow Access with nothing ticked is access_denied, like Cancel, and stores nothing', async () => {
    const { browser } = await scopesServer();
    const start = (await browser.call('POST', '/providers/google-drive/oauth/flows', {})).json;
    const redirect = await giveConsent(String(start?.authorizationUrl), {
      decision: 'allow',
      grant: [],
    });
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('code')).toBeNull();
    const done = await browser.call('POST', '/oauth/callback', callbackInput(redirect));
    expect(done.json).toMatchObject({ status: 'failed', error: { code: 'access_denied' } });
    expect((await browser.call('GET', '/credentials')).json?.credentials).toEqual([]);
  });

  it('a non-granular provider has nothing to untick: the helper refuses a grant there', async () => {
    const { browser } = await scopesServer();
    await expect(connectOAuth(browser, 'notion', {}, { grant: ['read_content'] })).rejects.toThrow(
      /no scope checkboxes/,
    );
  });

  it('API-key credentials have neither', async () => {
    const { server, listed } = await scopesServer();
    const created = await call(server, 'POST', '/providers/firecrawl/credentials', {
      body: { name: 'Key', values: { firecrawl_api_key: 'fc-a11d17ed0a11d17ed0a11d17ed0a11d1' } },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ grantedScopes: null, refreshable: null });
    expect(await listed(String(created.json?.id))).toMatchObject({
      grantedScopes: null,
      refreshable: null,
    });
  });

  it('a grant stored before the columns existed reads as null until it is authorized again', async () => {
    const { server, browser, listed } = await scopesServer();
    const id = await connectOAuth(browser, 'google-drive');
    await server.database.db
      .update(credentials)
      .set({ grantedScopes: null, refreshable: null })
      .where(eq(credentials.id, id));
    expect(await listed(id)).toMatchObject({ grantedScopes: null, refreshable: null });
    const renamed = await browser.call(
      'PATCH',
      `/credentials/${id}`,
      { name: 'Drive' },
      {
        'if-match': '"1"',
      },
    );
    expect(renamed.json).toMatchObject({ name: 'Drive', grantedScopes: null, refreshable: null });

    expect(await connectOAuth(browser, 'google-drive', { credentialId: id })).toBe(id);
    expect(await listed(id)).toMatchObject({ refreshable: true });
    expect(sorted((await listed(id))?.grantedScopes)).toEqual([...googleDriveScopes].sort());
  });
});
