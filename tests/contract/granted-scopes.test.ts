import { describe, expect, it } from 'vitest';
import type { Credential } from 'pipeline-connect';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { allow, callbackInput, type ConsentChoices } from './support/consent';
import { useContractBackend, type ContractContext } from './support/contract-harness';

const DRIVE_READ = 'https://www.googleapis.com/auth/drive.readonly';

/** Connects `providerId` with what the user leaves ticked; the credential as listed after. */
async function connect(
  ctx: ContractContext,
  providerId: string,
  choices: ConsentChoices = {},
  credentialId?: string,
): Promise<Credential> {
  const start = await ctx.backend.startOAuth(providerId, credentialId ? { credentialId } : {});
  const done = await ctx.backend.completeOAuthCallback(
    callbackInput(await allow(ctx, start, choices)),
  );
  expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  const listed = (await ctx.backend.listCredentials()).find(({ id }) => id === done.credentialId);
  if (!listed) throw new Error('The connected credential is not listed.');
  return listed;
}

async function requestedScopes(ctx: ContractContext, providerId: string): Promise<string[]> {
  const provider = (await ctx.backend.listProviders()).find(({ id }) => id === providerId);
  return [...(provider?.oauth?.scopes ?? [])];
}

async function customOneDriveClient(ctx: ContractContext) {
  await ctx.backend.saveOAuthClient('onedrive', {
    mode: 'custom',
    clientId: 'contoso-pipeline',
    clientSecret: 'contoso-secret',
  });
}

/**
 * `Credential.grantedScopes` and `refreshable`: what the provider granted, which may be less than
 * was asked for (Google's and Microsoft's consent pages let the user untick scopes), and whether
 * the grant can renew itself. On the server target the consent is the stand-in authorization
 * server's real page; on the mock, the simulated provider's.
 */
describe('Granted scopes and renewal (grantedScopes, refreshable)', () => {
  const ctx = useContractBackend();

  it('records every scope asked for when the user grants them all', async () => {
    const credential = await connect(ctx, 'google-drive');
    expect([...(credential.grantedScopes ?? [])].sort()).toEqual(
      (await requestedScopes(ctx, 'google-drive')).sort(),
    );
    expect(credential.refreshable).toBe(true);
  });

  it('records only what was granted when the user unticks a scope, and the grant still works', async () => {
    const credential = await connect(ctx, 'google-drive', { grant: ['profile', 'email'] });
    expect(credential.status).toBe('active');
    expect(credential.grantedScopes).not.toContain(DRIVE_READ);
    expect([...(credential.grantedScopes ?? [])].sort()).toEqual(['email', 'profile']);
  });

  it('re-authorizing with the scope granted adds it to the same credential', async () => {
    const partial = await connect(ctx, 'google-drive', { grant: ['profile', 'email'] });
    const renewed = await connect(ctx, 'google-drive', {}, partial.id);
    expect(renewed.id).toBe(partial.id);
    expect(renewed.grantedScopes).toContain(DRIVE_READ);
    expect((await ctx.backend.listCredentials()).filter((c) => c.method === 'oauth2')).toHaveLength(
      1,
    );
  });

  it('a OneDrive grant without offline_access has no refresh token: it expires and cannot renew', async () => {
    await customOneDriveClient(ctx);
    const credential = await connect(ctx, 'onedrive', { grant: ['Files.Read.All', 'User.Read'] });
    expect(credential.grantedScopes).not.toContain('offline_access');
    expect(credential.grantedScopes).toContain('Files.Read.All');
    expect(credential.refreshable).toBe(false);
    expect(credential.expiresAt).not.toBeNull();
    expect(credential.status).toBe('active');
    expect(Date.parse(String(credential.expiresAt))).toBeGreaterThan(
      Date.parse(credential.updatedAt),
    );
  });

  it('a OneDrive grant with offline_access can renew itself', async () => {
    await customOneDriveClient(ctx);
    const credential = await connect(ctx, 'onedrive');
    expect(credential.grantedScopes).toContain('offline_access');
    expect(credential.refreshable).toBe(true);
  });

  it('Allow with nothing ticked is a denial: the flow fails and nothing is stored', async () => {
    const start = await ctx.backend.startOAuth('google-drive');
    const redirect = await allow(ctx, start, { grant: [] });
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    const done = await ctx.backend.completeOAuthCallback(callbackInput(redirect));
    expect(done).toMatchObject({ status: 'failed', credentialId: null });
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('is null on an API key credential', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Scopes',
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });
    expect(created).toMatchObject({ grantedScopes: null, refreshable: null });
    const listed = (await ctx.backend.listCredentials()).find(({ id }) => id === created.id);
    expect(listed).toMatchObject({ grantedScopes: null, refreshable: null });
  });
});
