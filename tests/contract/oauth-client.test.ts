import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from 'pipeline-connect';
import { rawRequest, rejectionOf, useContractBackend } from './support/contract-harness';

const REDIRECT_URI = 'http://localhost/oauth-callback.html';

describe('GET/PUT/DELETE /providers/{providerId}/oauth-client', () => {
  const ctx = useContractBackend();

  it('reads the platform client for Notion and Google Drive', async () => {
    for (const providerId of ['notion', 'google-drive']) {
      expect(await ctx.backend.getOAuthClient(providerId)).toEqual({
        providerId,
        mode: 'default',
        hasPlatformClient: true,
        custom: null,
        redirectUri: REDIRECT_URI,
      });
    }
  });

  it('reads Custom with nothing saved for Dropbox and OneDrive', async () => {
    for (const providerId of ['dropbox', 'onedrive']) {
      expect(await ctx.backend.getOAuthClient(providerId)).toEqual({
        providerId,
        mode: 'custom',
        hasPlatformClient: false,
        custom: null,
        redirectUri: REDIRECT_URI,
      });
    }
  });

  it('saves a custom client and masks its secret', async () => {
    const saved = await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: '  app-key  ',
      clientSecret: 'app-secret-1',
    });
    const expected = {
      providerId: 'dropbox',
      mode: 'custom',
      hasPlatformClient: false,
      custom: { clientId: 'app-key', clientSecret: SECRET_MASK, extra: {} },
      redirectUri: REDIRECT_URI,
    };
    expect(saved).toEqual(expected);
    expect(await ctx.backend.getOAuthClient('dropbox')).toEqual(expected);
  });

  it('keeps the saved secret when it comes back as the mask or not at all', async () => {
    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'app-key',
      clientSecret: 'app-secret-1',
    });
    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'app-key-2',
      clientSecret: SECRET_MASK,
    });
    const renamed = await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'app-key-3',
    });

    expect(renamed.custom).toEqual({ clientId: 'app-key-3', clientSecret: SECRET_MASK, extra: {} });
  });

  it('applies OneDrive’s tenant default and keeps a given tenant', async () => {
    const defaulted = await ctx.backend.saveOAuthClient('onedrive', {
      mode: 'custom',
      clientId: 'id',
      clientSecret: 's',
    });
    expect(defaulted.custom?.extra).toEqual({ tenant_id: 'organizations' });

    const tenant = await ctx.backend.saveOAuthClient('onedrive', {
      mode: 'custom',
      clientId: 'id',
      extra: { tenant_id: 'contoso.example' },
    });
    expect(tenant.custom?.extra).toEqual({ tenant_id: 'contoso.example' });
  });

  it.each([
    ['an empty Client ID', { clientId: '  ', clientSecret: 's' }, ['clientId']],
    ['a Client ID with spaces', { clientId: 'a b', clientSecret: 's' }, ['clientId']],
    ['a new client without a secret', { clientId: 'id' }, ['clientSecret']],
    [
      'a new client with the mask as secret',
      { clientId: 'id', clientSecret: SECRET_MASK },
      ['clientSecret'],
    ],
    ['a secret with inner whitespace', { clientId: 'id', clientSecret: 'a b' }, ['clientSecret']],
    ['a 4 KB + 1 secret', { clientId: 'id', clientSecret: 's'.repeat(4097) }, ['clientSecret']],
    [
      'an unknown extra field',
      { clientId: 'id', clientSecret: 's', extra: { region: 'eu' } },
      ['region'],
    ],
    ['nothing', {}, ['clientId', 'clientSecret']],
  ])('answers 422 for %s', async (_label, input, fields) => {
    const error = await rejectionOf(
      ctx.backend.saveOAuthClient('onedrive', { mode: 'custom', ...input }),
    );
    expect([error.status, error.code, error.retryable]).toEqual([422, 'validation_failed', false]);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(fields);
    expect((await ctx.backend.getOAuthClient('onedrive')).custom).toBeNull();
  });

  it('answers 422 for Default where the platform has no client', async () => {
    const error = await rejectionOf(ctx.backend.saveOAuthClient('dropbox', { mode: 'default' }));
    expect([error.status, error.code]).toEqual([422, 'validation_failed']);
    expect(Object.keys(error.fieldErrors)).toEqual(['mode']);
  });

  it('keeps a saved custom client while Default is chosen', async () => {
    await ctx.backend.saveOAuthClient('notion', {
      mode: 'custom',
      clientId: 'mine',
      clientSecret: 'shh',
    });
    const backToDefault = await ctx.backend.saveOAuthClient('notion', { mode: 'default' });

    expect(backToDefault).toMatchObject({
      mode: 'default',
      custom: { clientId: 'mine', clientSecret: SECRET_MASK },
    });
    const custom = await ctx.backend.saveOAuthClient('notion', {
      mode: 'custom',
      clientId: 'mine',
    });
    expect(custom.mode).toBe('custom');
  });

  it('removes the custom client, falling back to the platform client or to none', async () => {
    await ctx.backend.saveOAuthClient('notion', {
      mode: 'custom',
      clientId: 'mine',
      clientSecret: 'shh',
    });
    await ctx.backend.saveOAuthClient('dropbox', {
      mode: 'custom',
      clientId: 'app',
      clientSecret: 'shh',
    });

    expect(await ctx.backend.deleteOAuthClient('notion')).toMatchObject({
      mode: 'default',
      custom: null,
    });
    expect(await ctx.backend.deleteOAuthClient('dropbox')).toMatchObject({
      mode: 'custom',
      custom: null,
    });
    // Idempotent.
    expect(await ctx.backend.deleteOAuthClient('dropbox')).toMatchObject({
      mode: 'custom',
      custom: null,
    });
  });

  it('answers 400 for a provider without OAuth and 404 for an unknown one', async () => {
    const calls = [
      (id: string) => ctx.backend.getOAuthClient(id),
      (id: string) =>
        ctx.backend.saveOAuthClient(id, { mode: 'custom', clientId: 'a', clientSecret: 'b' }),
      (id: string) => ctx.backend.deleteOAuthClient(id),
    ];
    for (const call of calls) {
      const noOAuth = await rejectionOf(call('firecrawl'));
      expect([noOAuth.status, noOAuth.code]).toEqual([400, 'oauth_not_supported']);
      const unknown = await rejectionOf(call('nope'));
      expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
    }
  });

  it('answers 400 for a malformed body', async () => {
    const response = await rawRequest('PUT', '/providers/dropbox/oauth-client', {
      body: '{"mode": "sometimes"}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
  });
});
