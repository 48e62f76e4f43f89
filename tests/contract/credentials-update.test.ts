import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from 'pipeline-connect';
import { rawRequest, rejectionOf, START, useContractBackend } from './support/contract-harness';

// Keys in Firecrawl's real format (fc- and 32 lowercase hexadecimal digits).
const ORIGINAL_KEY = 'fc-3471674c2332eb838d459fe0d2e64beb';
const NEW_KEY = 'fc-6dd56e65d43ce38aeda1c7f8de23c308';
// The hosted service, named explicitly: a backend that verifies keys checks them with Firecrawl.
const HOSTED = 'https://api.firecrawl.dev';

describe('PATCH /credentials/{credentialId} (updateCredential)', () => {
  const ctx = useContractBackend();
  const createFirecrawl = (name = 'Production') =>
    ctx.backend.createApiKeyCredential('firecrawl', {
      name,
      values: { firecrawl_api_key: ORIGINAL_KEY, base_url: HOSTED },
    });

  it('renames, bumping the version and updatedAt', async () => {
    const created = await createFirecrawl();
    ctx.advance(60_000);
    const renamed = await ctx.backend.updateCredential(created.id, created.version, {
      name: '  Staging ',
    });

    expect(renamed).toMatchObject({
      id: created.id,
      name: 'Staging',
      version: 2,
      createdAt: created.createdAt,
      updatedAt: new Date(START + 60_000).toISOString(),
      values: { firecrawl_api_key: SECRET_MASK, base_url: HOSTED },
    });
    expect(ctx.exchanges.at(-1)).toMatchObject({ method: 'PATCH', status: 200 });
  });

  it('sends the version as an entity tag in If-Match', async () => {
    const created = await createFirecrawl();
    await ctx.backend.updateCredential(created.id, 1, { name: 'Renamed' });
    expect(ctx.exchanges.at(-1)).toMatchObject({
      method: 'PATCH',
      requestHeaders: { 'if-match': '"1"' },
      status: 200,
    });
  });

  it('keeps a secret sent back as the mask, and omitted values', async () => {
    const created = await createFirecrawl();
    const edited = await ctx.backend.updateCredential(created.id, 1, {
      values: { firecrawl_api_key: SECRET_MASK, base_url: 'https://other.example.com' },
    });
    expect(edited.values).toEqual({
      firecrawl_api_key: SECRET_MASK,
      base_url: 'https://other.example.com',
    });
    expect(edited.version).toBe(2);

    // The secret is still there: clearing the optional base URL alone validates against it.
    const cleared = await ctx.backend.updateCredential(created.id, 2, { values: { base_url: '' } });
    expect(cleared.values).toEqual({ firecrawl_api_key: SECRET_MASK, base_url: '' });
  });

  it('replaces a secret that is re-typed', async () => {
    const created = await createFirecrawl();
    const edited = await ctx.backend.updateCredential(created.id, 1, {
      values: { firecrawl_api_key: NEW_KEY },
    });
    expect([edited.version, edited.values.firecrawl_api_key]).toEqual([2, SECRET_MASK]);
  });

  it('keeps the version when nothing changes', async () => {
    const created = await createFirecrawl();
    const same = await ctx.backend.updateCredential(created.id, 1, {
      name: 'Production',
      values: { firecrawl_api_key: SECRET_MASK },
    });
    expect([same.version, same.updatedAt]).toEqual([1, created.updatedAt]);
  });

  it('answers 412 for a stale version and leaves the credential alone', async () => {
    const created = await createFirecrawl();
    await ctx.backend.updateCredential(created.id, 1, { name: 'First edit' });

    const error = await rejectionOf(
      ctx.backend.updateCredential(created.id, 1, { name: 'Second edit' }),
    );
    expect([error.status, error.code, error.retryable]).toEqual([412, 'version_conflict', false]);
    expect((await ctx.backend.listCredentials())[0]).toMatchObject({
      name: 'First edit',
      version: 2,
    });
  });

  it('answers 404 for an unknown credential', async () => {
    const error = await rejectionOf(ctx.backend.updateCredential('missing', 1, { name: 'x' }));
    expect([error.status, error.code]).toEqual([404, 'not_found']);
  });

  it('answers 409 for a name another credential has, in any case', async () => {
    await createFirecrawl('Production');
    const staging = await createFirecrawl('Staging');
    const error = await rejectionOf(
      ctx.backend.updateCredential(staging.id, 1, { name: 'production' }),
    );
    expect([error.status, error.code]).toEqual([409, 'duplicate_name']);
    expect(error.fieldErrors).toEqual({ name: expect.any(String) });
  });

  it('lets a credential change the case of its own name', async () => {
    const created = await createFirecrawl('production');
    expect((await ctx.backend.updateCredential(created.id, 1, { name: 'Production' })).name).toBe(
      'Production',
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', '   '],
    ['101-character', 'n'.repeat(101)],
  ])('answers 422 for an %s name', async (_label, name) => {
    const created = await createFirecrawl();
    const error = await rejectionOf(ctx.backend.updateCredential(created.id, 1, { name }));
    expect([error.status, error.code]).toEqual([422, 'validation_failed']);
    expect(Object.keys(error.fieldErrors)).toEqual(['name']);
  });

  it('answers 422 when a required secret is cleared or gains whitespace', async () => {
    const created = await createFirecrawl();
    const cleared = await rejectionOf(
      ctx.backend.updateCredential(created.id, 1, { values: { firecrawl_api_key: ' ' } }),
    );
    expect(cleared.fieldErrors).toEqual({ firecrawl_api_key: 'API Key is required.' });
    const spaced = await rejectionOf(
      ctx.backend.updateCredential(created.id, 1, { values: { firecrawl_api_key: 'a b' } }),
    );
    expect(Object.keys(spaced.fieldErrors)).toEqual(['firecrawl_api_key']);
  });

  it('answers 422 for unknown fields', async () => {
    const created = await createFirecrawl();
    const error = await rejectionOf(
      ctx.backend.updateCredential(created.id, 1, { values: { token: 'x' } }),
    );
    expect([error.status, error.fieldErrors]).toEqual([422, { token: expect.any(String) }]);
  });

  it('accepts a bare version number in If-Match', async () => {
    const created = await createFirecrawl();
    const response = await rawRequest('PATCH', `/credentials/${created.id}`, {
      body: JSON.stringify({ name: 'Bare' }),
      headers: { 'If-Match': '1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Bare', version: 2 });
  });

  it('answers 428 without If-Match and 400 for a malformed one', async () => {
    const created = await createFirecrawl();
    const body = JSON.stringify({ name: 'No precondition' });

    const missing = await rawRequest('PATCH', `/credentials/${created.id}`, { body });
    expect(missing.status).toBe(428);
    expect(await missing.json()).toMatchObject({
      error: { code: 'precondition_required', retryable: false },
    });

    const malformed = await rawRequest('PATCH', `/credentials/${created.id}`, {
      body,
      headers: { 'If-Match': 'latest' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers 400 for a malformed body', async () => {
    const created = await createFirecrawl();
    const response = await rawRequest('PATCH', `/credentials/${created.id}`, {
      body: '{"values": []}',
      headers: { 'If-Match': '"1"' },
    });
    expect(response.status).toBe(400);
  });
});
