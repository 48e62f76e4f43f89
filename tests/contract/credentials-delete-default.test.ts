import { describe, expect, it } from 'vitest';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { rejectionOf, useContractBackend } from './support/contract-harness';

describe('DELETE /credentials/{credentialId} and PUT /providers/{providerId}/default-credential', () => {
  const ctx = useContractBackend();
  const create = (name: string) =>
    ctx.backend.createApiKeyCredential('firecrawl', {
      name,
      values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
    });
  const defaultName = async (providerId = 'firecrawl') =>
    (await ctx.backend.listCredentials({ providerId })).find((credential) => credential.isDefault)
      ?.name ?? null;

  it('deletes with 204 and forgets the credential', async () => {
    const doomed = await create('Doomed');
    const kept = await create('Kept');

    await expect(ctx.backend.deleteCredential(doomed.id, doomed.version)).resolves.toBeUndefined();
    expect(ctx.exchanges.at(-1)).toMatchObject({ method: 'DELETE', status: 204, responseBody: '' });
    expect((await ctx.backend.listCredentials()).map((credential) => credential.id)).toEqual([
      kept.id,
    ]);
  });

  it('answers 404 for an unknown or already deleted credential', async () => {
    const once = await create('Once');
    await ctx.backend.deleteCredential(once.id, once.version);

    for (const id of [once.id, 'never-existed']) {
      const error = await rejectionOf(ctx.backend.deleteCredential(id, 1));
      expect([error.status, error.code]).toEqual([404, 'not_found']);
    }
  });

  it('hands the default to the oldest remaining credential when the default is deleted', async () => {
    const first = await create('First');
    ctx.advance(1000);
    await create('Second');
    ctx.advance(1000);
    await create('Third');
    expect(await defaultName()).toBe('First');

    await ctx.backend.deleteCredential(first.id, first.version);
    expect(await defaultName()).toBe('Second');
  });

  it('leaves no default once the provider’s last credential is gone', async () => {
    const only = await create('Only');
    await ctx.backend.deleteCredential(only.id, only.version);
    expect(await defaultName()).toBeNull();

    expect((await create('Next')).isDefault).toBe(true);
  });

  it('sets the default with 204 without changing any credential’s version', async () => {
    await create('First');
    const second = await create('Second');

    await expect(ctx.backend.setDefaultCredential('firecrawl', second.id)).resolves.toBeUndefined();
    expect(ctx.exchanges.at(-1)).toMatchObject({ method: 'PUT', status: 204 });
    const credentials = await ctx.backend.listCredentials();
    expect(
      credentials.map((credential) => [credential.name, credential.isDefault, credential.version]),
    ).toEqual([
      ['First', false, 1],
      ['Second', true, 1],
    ]);
  });

  it('answers 422 for a credential of another provider', async () => {
    const notion = await ctx.backend.createApiKeyCredential('notion', {
      values: { integration_secret: exampleProviderKey('notion') },
    });
    await create('Firecrawl');

    const error = await rejectionOf(ctx.backend.setDefaultCredential('firecrawl', notion.id));
    expect([error.status, error.code]).toEqual([422, 'validation_failed']);
    expect(Object.keys(error.fieldErrors)).toEqual(['credentialId']);
    expect(await defaultName()).toBe('Firecrawl');
  });

  it('answers 404 for an unknown provider or credential', async () => {
    const credential = await create('Real');
    const unknownProvider = await rejectionOf(
      ctx.backend.setDefaultCredential('nope', credential.id),
    );
    const unknownCredential = await rejectionOf(
      ctx.backend.setDefaultCredential('firecrawl', 'nope'),
    );
    expect([unknownProvider.status, unknownCredential.status]).toEqual([404, 404]);
  });
});
