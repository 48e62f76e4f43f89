import { describe, expect, it } from 'vitest';
import type { OAuthFlowStart } from 'pipeline-connect';
import { issueAuthorizationCode, parseAuthorizationRequest } from 'pipeline-connect/mocks';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { allow, callbackInput, deny, refusalOf } from './support/consent';
import {
  mockOnlyIt,
  rejectionOf,
  START,
  useContractBackend,
  type ContractContext,
} from './support/contract-harness';

const MINUTE = 60_000;
const NOTION_KEY = exampleProviderKey('notion');
const HOUR = 60 * MINUTE;
/** A 43-character base64url value: 32 random bytes, as `state` and the S256 challenge are. */
const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

/** PKCE's S256 challenge of a verifier (RFC 7636): base64url of its SHA-256, unpadded. */
async function s256CodeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return Buffer.from(digest).toString('base64url');
}

/** What the consent page does on Allow Access, then what the completion page does. */
async function allowAndComplete(ctx: ContractContext, start: OAuthFlowStart) {
  return ctx.backend.completeOAuthCallback(callbackInput(await allow(ctx, start)));
}

/** The `state` a flow's authorization URL carries. */
function stateOf(start: OAuthFlowStart): string {
  return new URL(start.authorizationUrl).searchParams.get('state') ?? '';
}

/** Whether a URL may be opened for consent: https, or plain http on this machine only. */
function isSecureOrLoopback(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

describe('OAuth flows', () => {
  const ctx = useContractBackend();

  describe('POST /providers/{providerId}/oauth/flows (startOAuth)', () => {
    it('answers 201 with a complete authorization URL', async () => {
      const start = await ctx.backend.startOAuth('google-drive');

      expect(ctx.exchanges.at(-1)).toMatchObject({ method: 'POST', status: 201 });
      expect(start.expiresAt).toBe(new Date(START + 10 * MINUTE).toISOString());
      const url = new URL(start.authorizationUrl);
      expect(isSecureOrLoopback(url), url.href).toBe(true);
      const { redirectUri } = await ctx.backend.getOAuthClient('google-drive');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        response_type: 'code',
        // The platform's client (both targets' platform client for Google Drive has this id).
        client_id: 'pipeline-connect-platform-google-drive',
        redirect_uri: redirectUri,
        scope: 'https://www.googleapis.com/auth/drive.readonly profile email',
        state: expect.stringMatching(BASE64URL_43),
        code_challenge: expect.stringMatching(BASE64URL_43),
        code_challenge_method: 'S256',
      });
      const [provider] = (await ctx.backend.listProviders()).filter(
        ({ id }) => id === 'google-drive',
      );
      expect(url.searchParams.get('scope')?.split(' ')).toEqual(provider?.oauth?.scopes);
    });

    // Mock only: the page and the `provider`/`app_name` parameters are the mock's simulated
    // consent page's; a real provider's URL is its own (and may encode spaces as `+`).
    mockOnlyIt('opens the mock’s simulated consent page, spaces encoded as %20', async () => {
      const start = await ctx.backend.startOAuth('google-drive');
      const url = new URL(start.authorizationUrl);
      expect(`${url.origin}${url.pathname}`).toBe('http://localhost/oauth-provider/authorize.html');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: 'pipeline-connect-platform-google-drive',
        redirect_uri: 'http://localhost/oauth-callback.html',
        scope: 'https://www.googleapis.com/auth/drive.readonly profile email',
        state: expect.stringMatching(BASE64URL_43),
        code_challenge: expect.stringMatching(BASE64URL_43),
        code_challenge_method: 'S256',
        provider: 'google-drive',
        app_name: 'Pipeline Connect',
      });
      expect(start.authorizationUrl).toContain('app_name=Pipeline%20Connect');
      expect(start.authorizationUrl).not.toContain('+');
    });

    it('uses a fresh state and PKCE challenge for every flow', async () => {
      const states = new Set<string>();
      const challenges = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        const url = new URL((await ctx.backend.startOAuth('notion')).authorizationUrl);
        states.add(url.searchParams.get('state') ?? '');
        challenges.add(url.searchParams.get('code_challenge') ?? '');
      }
      expect(states.size).toBe(5);
      expect(challenges.size).toBe(5);
    });

    it('reads as pending until the callback', async () => {
      const start = await ctx.backend.startOAuth('notion');
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toMatchObject({
        flowId: start.flowId,
        providerId: 'notion',
        status: 'pending',
        credentialId: null,
        outcome: null,
        error: null,
      });
    });

    it('answers 409 oauth_client_required for Dropbox and OneDrive until a custom client is saved', async () => {
      for (const providerId of ['dropbox', 'onedrive']) {
        const error = await rejectionOf(ctx.backend.startOAuth(providerId));
        expect([error.status, error.code, error.retryable]).toEqual([
          409,
          'oauth_client_required',
          false,
        ]);
      }

      await ctx.backend.saveOAuthClient('dropbox', {
        mode: 'custom',
        clientId: 'my-dropbox-app',
        clientSecret: 's3cret',
      });
      const start = await ctx.backend.startOAuth('dropbox');
      expect(new URL(start.authorizationUrl).searchParams.get('client_id')).toBe('my-dropbox-app');
    });

    it('answers 400 for a provider without OAuth and 404 for an unknown provider', async () => {
      const noOAuth = await rejectionOf(ctx.backend.startOAuth('firecrawl'));
      expect([noOAuth.status, noOAuth.code]).toEqual([400, 'oauth_not_supported']);
      const unknown = await rejectionOf(ctx.backend.startOAuth('nope'));
      expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
    });

    it('answers 404 for an unknown credential to re-authorize and 422 for one that cannot be', async () => {
      const missing = await rejectionOf(ctx.backend.startOAuth('notion', { credentialId: 'nope' }));
      expect(missing.status).toBe(404);

      const apiKey = await ctx.backend.createApiKeyCredential('notion', {
        values: { integration_secret: NOTION_KEY },
      });
      const wrongMethod = await rejectionOf(
        ctx.backend.startOAuth('notion', { credentialId: apiKey.id }),
      );
      expect([wrongMethod.status, Object.keys(wrongMethod.fieldErrors)]).toEqual([
        422,
        ['credentialId'],
      ]);

      const drive = await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      expect(drive.status).toBe('succeeded');
      const wrongProvider = await rejectionOf(
        ctx.backend.startOAuth('notion', { credentialId: drive.credentialId ?? '' }),
      );
      expect(wrongProvider.status).toBe(422);
    });
  });

  describe('GET /oauth/flows/{flowId} (getOAuthFlow)', () => {
    it('answers 404 for an unknown flow', async () => {
      const error = await rejectionOf(ctx.backend.getOAuthFlow('nope'));
      expect([error.status, error.code]).toEqual([404, 'not_found']);
    });

    it('reads a pending flow as expired after ten minutes', async () => {
      const start = await ctx.backend.startOAuth('notion');
      ctx.advance(10 * MINUTE - 1);
      expect((await ctx.backend.getOAuthFlow(start.flowId)).status).toBe('pending');
      ctx.advance(1);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toMatchObject({
        status: 'expired',
        credentialId: null,
        error: { code: 'expired' },
      });
    });
  });

  describe('DELETE /oauth/flows/{flowId} (cancelOAuthFlow)', () => {
    it('cancels a pending flow: a consent given afterwards is refused with flow_cancelled and stores nothing', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const cancelled = await ctx.backend.cancelOAuthFlow(start.flowId);
      expect(cancelled).toMatchObject({
        flowId: start.flowId,
        status: 'failed',
        credentialId: null,
        error: { code: 'flow_cancelled' },
      });
      // Idempotent: cancelling again (the dialog going away after Cancel) changes nothing.
      expect(await ctx.backend.cancelOAuthFlow(start.flowId)).toEqual(cancelled);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual(cancelled);

      const late = await rejectionOf(
        ctx.backend.completeOAuthCallback(callbackInput(await allow(ctx, start))),
      );
      expect([late.status, late.code]).toEqual([400, 'flow_cancelled']);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual(cancelled);
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('leaves a flow that already ended as it ended', async () => {
      const succeeded = await ctx.backend.startOAuth('notion');
      const done = await allowAndComplete(ctx, succeeded);
      expect(await ctx.backend.cancelOAuthFlow(succeeded.flowId)).toMatchObject({
        status: 'succeeded',
        credentialId: done.credentialId,
        error: null,
      });

      const expired = await ctx.backend.startOAuth('notion');
      ctx.advance(10 * MINUTE);
      expect(await ctx.backend.cancelOAuthFlow(expired.flowId)).toMatchObject({
        status: 'expired',
        error: { code: 'expired' },
      });
      expect(await ctx.backend.listCredentials()).toHaveLength(1);
    });
  });

  describe('POST /oauth/callback (completeOAuthCallback)', () => {
    it('exchanges the code and stores a credential named after the account', async () => {
      const start = await ctx.backend.startOAuth('google-drive');
      const status = await allowAndComplete(ctx, start);

      expect(status).toMatchObject({
        flowId: start.flowId,
        providerId: 'google-drive',
        status: 'succeeded',
        credentialId: expect.any(String),
        outcome: 'created',
        error: null,
      });
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual(status);
      const [credential] = await ctx.backend.listCredentials({ providerId: 'google-drive' });
      expect(credential).toMatchObject({
        id: status.credentialId,
        name: 'ada@example.com',
        method: 'oauth2',
        status: 'active',
        account: 'ada@example.com',
        values: {},
        isDefault: true,
        version: 1,
        expiresAt: new Date(START + HOUR).toISOString(),
      });
    });

    it('gives Notion grants the workspace name', async () => {
      await allowAndComplete(ctx, await ctx.backend.startOAuth('notion'));
      const [credential] = await ctx.backend.listCredentials({ providerId: 'notion' });
      expect(credential).toMatchObject({ name: "Ada's Workspace", account: "Ada's Workspace" });
    });

    // Mock only: whether a grant expires is the provider's answer (`expires_in`). Real Notion
    // tokens do not expire, as the mock's Notion says; the stand-in authorization server gives
    // every provider's access token a lifetime, so the server reports one.
    mockOnlyIt('gives Notion grants no expiry', async () => {
      await allowAndComplete(ctx, await ctx.backend.startOAuth('notion'));
      const [credential] = await ctx.backend.listCredentials({ providerId: 'notion' });
      expect(credential?.expiresAt).toBeNull();
    });

    it('suffixes the account name when it is taken', async () => {
      for (const name of ["Ada's Workspace", "Ada's Workspace (2)"]) {
        await ctx.backend.createApiKeyCredential('notion', {
          name,
          values: { integration_secret: NOTION_KEY },
        });
      }
      const status = await allowAndComplete(ctx, await ctx.backend.startOAuth('notion'));

      const credentials = await ctx.backend.listCredentials();
      expect(credentials.map(({ name }) => name)).toEqual([
        "Ada's Workspace",
        "Ada's Workspace (2)",
        "Ada's Workspace (3)",
      ]);
      expect(credentials.find(({ id }) => id === status.credentialId)).toMatchObject({
        method: 'oauth2',
        account: "Ada's Workspace",
      });
    });

    it('connects an account once: connecting it again renews that credential, name kept', async () => {
      const first = await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      const credentialId = first.credentialId ?? '';
      await ctx.backend.updateCredential(credentialId, 1, { name: 'Team drive' });
      ctx.advance(2 * HOUR);

      const again = await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));

      expect(again).toMatchObject({
        status: 'succeeded',
        credentialId,
        outcome: 'reconnected',
        error: null,
      });
      expect(await ctx.backend.listCredentials()).toEqual([
        expect.objectContaining({
          id: credentialId,
          name: 'Team drive',
          account: 'ada@example.com',
          status: 'active',
          version: 3,
          expiresAt: new Date(START + 3 * HOUR).toISOString(),
        }),
      ]);
    });

    it('shows a Google Drive grant as expired once its hour is over', async () => {
      await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      ctx.advance(HOUR - 1);
      expect((await ctx.backend.listCredentials())[0]?.status).toBe('active');
      ctx.advance(1);
      expect((await ctx.backend.listCredentials())[0]?.status).toBe('expired');
    });

    it('marks the flow failed with access_denied when the user declines, storing nothing', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const redirect = await deny(ctx, start);
      expect(redirect.searchParams.get('error')).toBe('access_denied');

      const status = await ctx.backend.completeOAuthCallback(callbackInput(redirect));
      expect(status).toMatchObject({
        status: 'failed',
        credentialId: null,
        error: { code: 'access_denied' },
      });
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual(status);
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('keeps the provider’s own error code, such as redirect_uri_mismatch, storing nothing', async () => {
      // What a provider that redirects its errors sends when the app does not allow the redirect
      // URI: the status dialog shows the URI to register for exactly this code.
      const start = await ctx.backend.startOAuth('notion');
      const status = await ctx.backend.completeOAuthCallback({
        state: stateOf(start),
        error: 'redirect_uri_mismatch',
      });
      expect(status).toMatchObject({
        status: 'failed',
        credentialId: null,
        error: { code: 'redirect_uri_mismatch' },
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('refuses a state used before with 400 invalid_state, leaving the flow as it was', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const input = callbackInput(await allow(ctx, start));
      const done = await ctx.backend.completeOAuthCallback(input);
      expect(done.status).toBe('succeeded');

      const replay = await rejectionOf(ctx.backend.completeOAuthCallback(input));
      expect([replay.status, replay.code, replay.retryable]).toEqual([400, 'invalid_state', false]);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual(done);
      expect(await ctx.backend.listCredentials()).toHaveLength(1);
    });

    it('refuses a state after a denial too', async () => {
      const start = await ctx.backend.startOAuth('notion');
      await ctx.backend.completeOAuthCallback(callbackInput(await deny(ctx, start)));
      // The user opens the same authorization URL again and allows this time.
      const redirect = await allow(ctx, start);
      expect(redirect.searchParams.get('state')).toBe(stateOf(start));

      const error = await rejectionOf(ctx.backend.completeOAuthCallback(callbackInput(redirect)));
      expect([error.status, error.code]).toEqual([400, 'invalid_state']);
      expect((await ctx.backend.getOAuthFlow(start.flowId)).error?.code).toBe('access_denied');
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('refuses an unknown state with 400 invalid_state', async () => {
      const error = await rejectionOf(
        ctx.backend.completeOAuthCallback({ state: 'forged', code: 'whatever' }),
      );
      expect([error.status, error.code]).toEqual([400, 'invalid_state']);
    });

    it('refuses an expired state with 400 invalid_state and marks the flow expired', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const redirect = await allow(ctx, start);
      ctx.advance(10 * MINUTE + 1);

      const error = await rejectionOf(ctx.backend.completeOAuthCallback(callbackInput(redirect)));
      expect([error.status, error.code]).toEqual([400, 'invalid_state']);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toMatchObject({
        status: 'expired',
        credentialId: null,
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('fails the flow with invalid_grant when the PKCE challenge does not match the verifier', async () => {
      const start = await ctx.backend.startOAuth('notion');
      // The code is issued for a challenge an attacker chose, not the flow's.
      const forged = new URL(start.authorizationUrl);
      forged.searchParams.set(
        'code_challenge',
        await s256CodeChallenge('a-verifier-an-attacker-chose-0000000000000'),
      );
      const redirect = await allow(ctx, forged);
      expect(redirect.searchParams.get('code')).toBeTruthy();

      const status = await ctx.backend.completeOAuthCallback(callbackInput(redirect));
      expect(status).toMatchObject({
        status: 'failed',
        credentialId: null,
        error: { code: 'invalid_grant' },
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('fails the flow when the code was issued for another flow', async () => {
      const first = await ctx.backend.startOAuth('notion');
      const second = await ctx.backend.startOAuth('notion');
      const forFirst = callbackInput(await allow(ctx, first));

      const status = await ctx.backend.completeOAuthCallback({
        ...forFirst,
        state: stateOf(second),
      });
      expect(status).toMatchObject({ status: 'failed', error: { code: 'invalid_grant' } });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('fails the flow when the code is unknown', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const input = { ...callbackInput(await allow(ctx, start)), code: 'made-up' };
      expect(await ctx.backend.completeOAuthCallback(input)).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_grant' },
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    // Mock only: the code's 60-second lifetime is kept by the provider. The mock's simulated
    // provider reads the store's clock (ctx.advance); the stand-in authorization server
    // (oidc-provider) reads the real clock, which ctx.advance does not move.
    mockOnlyIt('fails the flow when the code is older than 60 seconds', async () => {
      const stale = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      const code = issueAuthorizationCode(ctx.store, stale);
      ctx.advance(MINUTE);
      expect(await ctx.backend.completeOAuthCallback({ state: stale.state, code })).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_grant' },
      });
    });

    it('fails the flow when the provider sent neither code nor error', async () => {
      const start = await ctx.backend.startOAuth('notion');
      expect(await ctx.backend.completeOAuthCallback({ state: stateOf(start) })).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_request' },
      });
    });

    it('re-authorizes the same credential: same id and name, active again, new expiry, version + 1', async () => {
      const first = await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      const credentialId = first.credentialId ?? '';
      const renamed = await ctx.backend.updateCredential(credentialId, 1, { name: 'Team drive' });
      ctx.advance(2 * HOUR);
      expect((await ctx.backend.listCredentials())[0]?.status).toBe('expired');

      const again = await allowAndComplete(
        ctx,
        await ctx.backend.startOAuth('google-drive', { credentialId }),
      );

      expect(again).toMatchObject({ status: 'succeeded', credentialId, outcome: 'reauthorized' });
      const credentials = await ctx.backend.listCredentials();
      expect(credentials).toHaveLength(1);
      expect(credentials[0]).toMatchObject({
        id: credentialId,
        name: 'Team drive',
        account: 'ada@example.com',
        status: 'active',
        version: renamed.version + 1,
        expiresAt: new Date(START + 3 * HOUR).toISOString(),
      });
    });

    it('lets an OAuth credential be renamed but not given field values', async () => {
      const { credentialId } = await allowAndComplete(ctx, await ctx.backend.startOAuth('notion'));
      const renamed = await ctx.backend.updateCredential(credentialId ?? '', 1, {
        name: 'Marketing workspace',
      });
      expect(renamed).toMatchObject({
        name: 'Marketing workspace',
        account: "Ada's Workspace",
        version: 2,
      });

      const error = await rejectionOf(
        ctx.backend.updateCredential(renamed.id, 2, { values: { token: 'x' } }),
      );
      expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['token']]);
    });
  });

  // The target's authorization server: the mock's simulated provider, or the stand-in
  // (oidc-provider) the server's OAuth client talks to. Both refuse what a real provider refuses.
  describe('the authorization server', () => {
    it('refuses a client it does not know', async () => {
      await ctx.backend.saveOAuthClient('dropbox', {
        mode: 'custom',
        clientId: 'registered',
        clientSecret: 's',
      });
      const start = await ctx.backend.startOAuth('dropbox');
      const forged = new URL(start.authorizationUrl);
      forged.searchParams.set('client_id', 'someone-else');

      expect(await refusalOf(ctx, forged)).toMatch(/invalid_client|not registered/);
      const redirect = await allow(ctx, start);
      expect(redirect.searchParams.get('code')).toBeTruthy();
      expect(redirect.searchParams.get('state')).toBe(stateOf(start));
    });

    it('refuses an authorization request without S256 PKCE', async () => {
      const url = new URL((await ctx.backend.startOAuth('notion')).authorizationUrl);
      url.searchParams.set('code_challenge_method', 'plain');
      expect(await refusalOf(ctx, url)).toMatch(/code_challenge_method/);
    });
  });
});
