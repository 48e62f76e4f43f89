import { describe, expect, it } from 'vitest';
import {
  authorizationResponseUrl,
  issueAuthorizationCode,
  OAuthProviderError,
  parseAuthorizationRequest,
} from '../../mocks/oauth-provider/provider';
import { s256CodeChallenge } from '../../mocks/store/random';
import type { OAuthFlowStart } from '../../src/credentials/backend';
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import {
  rejectionOf,
  START,
  useContractBackend,
  type ContractContext,
} from './support/contract-harness';

const MINUTE = 60_000;
const NOTION_KEY = exampleProviderKey('notion');
const HOUR = 60 * MINUTE;

/** What the consent page does on Allow Access, then what the completion page does. */
async function allowAndComplete(ctx: ContractContext, start: OAuthFlowStart) {
  const request = parseAuthorizationRequest(start.authorizationUrl);
  const code = issueAuthorizationCode(ctx.store, request);
  const redirect = new URL(authorizationResponseUrl(request, { code }));
  return ctx.backend.completeOAuthCallback({
    state: redirect.searchParams.get('state') ?? '',
    code: redirect.searchParams.get('code') ?? '',
  });
}

describe('OAuth flows', () => {
  const ctx = useContractBackend();

  describe('POST /providers/{providerId}/oauth/flows (startOAuth)', () => {
    it('answers 201 with a complete authorization URL', async () => {
      const start = await ctx.backend.startOAuth('google-drive');

      expect(ctx.exchanges.at(-1)).toMatchObject({ method: 'POST', status: 201 });
      expect(start.expiresAt).toBe(new Date(START + 10 * MINUTE).toISOString());
      const url = new URL(start.authorizationUrl);
      expect(`${url.origin}${url.pathname}`).toBe('http://localhost/oauth-provider/authorize.html');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: 'pipeline-connect-platform-google-drive',
        redirect_uri: 'http://localhost/oauth-callback.html',
        scope: 'https://www.googleapis.com/auth/drive.readonly profile email',
        state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        code_challenge_method: 'S256',
        provider: 'google-drive',
        app_name: 'Pipeline Connect',
      });
      expect(start.authorizationUrl).toContain('app_name=Pipeline%20Connect');
      expect(start.authorizationUrl).not.toContain('+');
    });

    it('uses a fresh state for every flow', async () => {
      const states = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        states.add(
          parseAuthorizationRequest((await ctx.backend.startOAuth('notion')).authorizationUrl)
            .state,
        );
      }
      expect(states.size).toBe(5);
    });

    it('reads as pending until the callback', async () => {
      const start = await ctx.backend.startOAuth('notion');
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual({
        flowId: start.flowId,
        providerId: 'notion',
        status: 'pending',
        credentialId: null,
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
      expect(parseAuthorizationRequest(start.authorizationUrl).clientId).toBe('my-dropbox-app');
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
      ctx.advance(10 * MINUTE);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toMatchObject({
        status: 'expired',
        credentialId: null,
        error: { code: 'expired' },
      });
    });
  });

  describe('POST /oauth/callback (completeOAuthCallback)', () => {
    it('exchanges the code and stores a credential named after the account', async () => {
      const start = await ctx.backend.startOAuth('google-drive');
      const status = await allowAndComplete(ctx, start);

      expect(status).toEqual({
        flowId: start.flowId,
        providerId: 'google-drive',
        status: 'succeeded',
        credentialId: expect.any(String),
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

    it('gives Notion grants the workspace name and no expiry', async () => {
      await allowAndComplete(ctx, await ctx.backend.startOAuth('notion'));
      const [credential] = await ctx.backend.listCredentials({ providerId: 'notion' });
      expect(credential).toMatchObject({
        name: "Ada's Workspace",
        account: "Ada's Workspace",
        expiresAt: null,
      });
    });

    it('suffixes the account name when it is taken', async () => {
      await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));

      const names = (await ctx.backend.listCredentials()).map((credential) => credential.name);
      expect(names).toEqual(['ada@example.com', 'ada@example.com (2)', 'ada@example.com (3)']);
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
      const request = parseAuthorizationRequest(start.authorizationUrl);
      const redirect = new URL(authorizationResponseUrl(request, { error: 'access_denied' }));

      const status = await ctx.backend.completeOAuthCallback({
        state: redirect.searchParams.get('state') ?? '',
        error: redirect.searchParams.get('error') ?? '',
      });
      expect(status).toMatchObject({
        status: 'failed',
        credentialId: null,
        error: { code: 'access_denied' },
      });
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toEqual(status);
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('refuses a state used before with 400 invalid_state, leaving the flow as it was', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const request = parseAuthorizationRequest(start.authorizationUrl);
      const code = issueAuthorizationCode(ctx.store, request);
      await ctx.backend.completeOAuthCallback({ state: request.state, code });

      const replay = await rejectionOf(
        ctx.backend.completeOAuthCallback({ state: request.state, code }),
      );
      expect([replay.status, replay.code, replay.retryable]).toEqual([400, 'invalid_state', false]);
      expect((await ctx.backend.getOAuthFlow(start.flowId)).status).toBe('succeeded');
      expect(await ctx.backend.listCredentials()).toHaveLength(1);
    });

    it('refuses a state after a denial too', async () => {
      const request = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      await ctx.backend.completeOAuthCallback({ state: request.state, error: 'access_denied' });
      const code = issueAuthorizationCode(ctx.store, request);

      const error = await rejectionOf(
        ctx.backend.completeOAuthCallback({ state: request.state, code }),
      );
      expect(error.code).toBe('invalid_state');
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
      const request = parseAuthorizationRequest(start.authorizationUrl);
      const code = issueAuthorizationCode(ctx.store, request);
      ctx.advance(10 * MINUTE + 1);

      const error = await rejectionOf(
        ctx.backend.completeOAuthCallback({ state: request.state, code }),
      );
      expect([error.status, error.code]).toEqual([400, 'invalid_state']);
      expect(await ctx.backend.getOAuthFlow(start.flowId)).toMatchObject({
        status: 'expired',
        credentialId: null,
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('fails the flow with invalid_grant when the PKCE challenge does not match the verifier', async () => {
      const start = await ctx.backend.startOAuth('notion');
      const request = parseAuthorizationRequest(start.authorizationUrl);
      const code = issueAuthorizationCode(ctx.store, {
        ...request,
        codeChallenge: await s256CodeChallenge('a-verifier-an-attacker-chose-0000000000000'),
      });

      const status = await ctx.backend.completeOAuthCallback({ state: request.state, code });
      expect(status).toMatchObject({
        status: 'failed',
        credentialId: null,
        error: { code: 'invalid_grant' },
      });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('fails the flow when the code was issued for another flow', async () => {
      const first = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      const second = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      const codeForFirst = issueAuthorizationCode(ctx.store, first);

      const status = await ctx.backend.completeOAuthCallback({
        state: second.state,
        code: codeForFirst,
      });
      expect(status).toMatchObject({ status: 'failed', error: { code: 'invalid_grant' } });
    });

    it('fails the flow when the code is older than 60 seconds or unknown', async () => {
      const stale = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      const code = issueAuthorizationCode(ctx.store, stale);
      ctx.advance(MINUTE);
      expect(await ctx.backend.completeOAuthCallback({ state: stale.state, code })).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_grant' },
      });

      const unknown = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      expect(
        await ctx.backend.completeOAuthCallback({ state: unknown.state, code: 'made-up' }),
      ).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_grant' },
      });
    });

    it('fails the flow when the provider sent neither code nor error', async () => {
      const request = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('notion')).authorizationUrl,
      );
      expect(await ctx.backend.completeOAuthCallback({ state: request.state })).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_request' },
      });
    });

    it('re-authorizes the same credential: same id, active again, new expiry, version + 1', async () => {
      const first = await allowAndComplete(ctx, await ctx.backend.startOAuth('google-drive'));
      const credentialId = first.credentialId ?? '';
      ctx.advance(2 * HOUR);
      expect((await ctx.backend.listCredentials())[0]?.status).toBe('expired');

      const again = await allowAndComplete(
        ctx,
        await ctx.backend.startOAuth('google-drive', { credentialId }),
      );

      expect(again).toMatchObject({ status: 'succeeded', credentialId });
      const credentials = await ctx.backend.listCredentials();
      expect(credentials).toHaveLength(1);
      expect(credentials[0]).toMatchObject({
        id: credentialId,
        name: 'ada@example.com',
        status: 'active',
        version: 2,
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

  describe('the simulated provider', () => {
    it('refuses a client it does not know', async () => {
      await ctx.backend.saveOAuthClient('dropbox', {
        mode: 'custom',
        clientId: 'registered',
        clientSecret: 's',
      });
      const request = parseAuthorizationRequest(
        (await ctx.backend.startOAuth('dropbox')).authorizationUrl,
      );

      expect(() =>
        issueAuthorizationCode(ctx.store, { ...request, clientId: 'someone-else' }),
      ).toThrow(OAuthProviderError);
      expect(issueAuthorizationCode(ctx.store, request)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('refuses an authorization request without S256 PKCE', async () => {
      const url = new URL((await ctx.backend.startOAuth('notion')).authorizationUrl);
      url.searchParams.set('code_challenge_method', 'plain');
      expect(() => parseAuthorizationRequest(url)).toThrow(/S256/);
    });
  });
});
