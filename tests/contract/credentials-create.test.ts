import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from 'pipeline-connect';
// Internal on purpose: the stand-in key formats the mock and the server verify keys with.
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { rawRequest, rejectionOf, START, useContractBackend } from './support/contract-harness';

// Keys in the providers' real formats, which a backend that verifies keys accepts.
const FIRECRAWL_KEY = exampleProviderKey('firecrawl');
const NOTION_KEY = exampleProviderKey('notion');
const JINA_KEY = exampleProviderKey('jina-reader');

describe('POST /providers/{providerId}/credentials (createApiKeyCredential)', () => {
  const ctx = useContractBackend();
  const createFirecrawl = (
    name?: string,
    values: Record<string, string | boolean> = { firecrawl_api_key: FIRECRAWL_KEY },
  ) => ctx.backend.createApiKeyCredential('firecrawl', { name, values });

  it('stores a credential and answers 201 with the secret masked', async () => {
    const credential = await createFirecrawl('Production');

    expect(ctx.exchanges.at(-1)?.status).toBe(201);
    expect(credential).toEqual({
      id: expect.any(String),
      providerId: 'firecrawl',
      name: 'Production',
      method: 'api_key',
      status: 'active',
      account: null,
      values: { firecrawl_api_key: SECRET_MASK, base_url: '' },
      isDefault: true,
      version: 1,
      createdAt: new Date(START).toISOString(),
      updatedAt: new Date(START).toISOString(),
      expiresAt: null,
      // The provider accepted the key as it was stored.
      lastVerifiedAt: new Date(START).toISOString(),
      lastRefreshAt: null,
      lastError: null,
      grantedScopes: null,
      refreshable: null,
    });
    expect(await ctx.backend.listCredentials()).toEqual([credential]);
  });

  it('makes only the first credential of a provider its default', async () => {
    const first = await createFirecrawl('One');
    const second = await createFirecrawl('Two');
    const notion = await ctx.backend.createApiKeyCredential('notion', {
      values: { integration_secret: NOTION_KEY },
    });

    expect([first.isDefault, second.isDefault, notion.isDefault]).toEqual([true, false, true]);
  });

  it('lists all credentials oldest first, or one provider’s', async () => {
    const one = await createFirecrawl('One');
    const notion = await ctx.backend.createApiKeyCredential('notion', {
      values: { integration_secret: NOTION_KEY },
    });
    const two = await createFirecrawl('Two');

    expect((await ctx.backend.listCredentials()).map((c) => c.id)).toEqual([
      one.id,
      notion.id,
      two.id,
    ]);
    expect(
      (await ctx.backend.listCredentials({ providerId: 'firecrawl' })).map((c) => c.id),
    ).toEqual([one.id, two.id]);
    expect(await ctx.backend.listCredentials({ providerId: 'google-drive' })).toEqual([]);
  });

  it('answers 404 when listing an unknown provider’s credentials', async () => {
    const error = await rejectionOf(ctx.backend.listCredentials({ providerId: 'nope' }));
    expect([error.status, error.code, error.retryable]).toEqual([404, 'not_found', false]);
  });

  it('keeps optional text and validates it', async () => {
    // The hosted service's address: a backend that verifies keys checks this one with Firecrawl
    // itself (a self-hosted address would be called instead).
    const explicit = await createFirecrawl('Explicit base URL', {
      firecrawl_api_key: FIRECRAWL_KEY,
      base_url: '  https://api.firecrawl.dev  ',
    });
    expect(explicit.values).toEqual({
      firecrawl_api_key: SECRET_MASK,
      base_url: 'https://api.firecrawl.dev',
    });

    const error = await rejectionOf(
      createFirecrawl('Bad URL', {
        firecrawl_api_key: FIRECRAWL_KEY,
        base_url: 'javascript:alert(1)',
      }),
    );
    expect(error.status).toBe(422);
    expect(Object.keys(error.fieldErrors)).toEqual(['base_url']);
  });

  it('accepts a Jina Reader credential without a key, and masks one with a key', async () => {
    const keyless = await ctx.backend.createApiKeyCredential('jina-reader', { values: {} });
    const keyed = await ctx.backend.createApiKeyCredential('jina-reader', {
      values: { api_key: JINA_KEY },
    });

    expect(keyless.values).toEqual({ api_key: '' });
    expect(keyed.values).toEqual({ api_key: SECRET_MASK });
    expect([keyless.name, keyed.name]).toEqual(['Jina Reader API key', 'Jina Reader API key 2']);
  });

  describe('names', () => {
    it('names an unnamed credential after the provider, numbering further ones', async () => {
      expect((await createFirecrawl()).name).toBe('Firecrawl API key');
      expect((await createFirecrawl('')).name).toBe('Firecrawl API key 2');
      expect((await createFirecrawl('   \t ')).name).toBe('Firecrawl API key 3');
    });

    it('trims a name', async () => {
      expect((await createFirecrawl('  Production  ')).name).toBe('Production');
    });

    it('accepts 100 characters and refuses 101 with a field error', async () => {
      expect((await createFirecrawl('a'.repeat(100))).name).toHaveLength(100);

      const error = await rejectionOf(createFirecrawl('b'.repeat(101)));
      expect([error.status, error.code, error.retryable]).toEqual([
        422,
        'validation_failed',
        false,
      ]);
      expect(error.fieldErrors).toEqual({ name: expect.stringContaining('100') });
    });

    it('counts emoji as people do and returns them unchanged', async () => {
      const family = '👨‍👩‍👧‍👦';
      // 100 characters in 750 UTF-16 code units (within the 1,000 looked at before counting).
      const hundred = `${family.repeat(50)}${'👍🏽'.repeat(50)}`;
      expect((await createFirecrawl(hundred)).name).toBe(hundred);
      expect((await createFirecrawl('🔑 Team key 🚀')).name).toBe('🔑 Team key 🚀');

      const error = await rejectionOf(createFirecrawl('🔥'.repeat(101)));
      expect(error.fieldErrors.name).toBeTruthy();
    });

    it('stores markup as text and returns it as given', async () => {
      const markup = '<img src=x onerror=alert(1)>';
      const created = await createFirecrawl(markup);
      expect(created.name).toBe(markup);
      expect((await ctx.backend.listCredentials())[0]?.name).toBe(markup);
    });

    it('refuses a name that differs only in case with 409 on the name field', async () => {
      await createFirecrawl('Production');
      const error = await rejectionOf(createFirecrawl('PRODUCTION'));

      expect([error.status, error.code, error.retryable]).toEqual([409, 'duplicate_name', false]);
      expect(error.fieldErrors).toEqual({ name: expect.any(String) });
      expect(await ctx.backend.listCredentials()).toHaveLength(1);
    });

    it('allows the same name for another provider', async () => {
      await createFirecrawl('Production');
      const notion = await ctx.backend.createApiKeyCredential('notion', {
        name: 'production',
        values: { integration_secret: NOTION_KEY },
      });
      expect(notion.name).toBe('production');
    });

    it('refuses line breaks in a name', async () => {
      const error = await rejectionOf(createFirecrawl('Line\nbreak'));
      expect(error.status).toBe(422);
      expect(error.fieldErrors.name).toBeTruthy();
    });
  });

  describe('values', () => {
    it.each([
      ['missing', {}],
      ['empty', { firecrawl_api_key: '' }],
      ['whitespace only', { firecrawl_api_key: ' \n\t ' }],
    ])('refuses a %s required secret with 422 on that field', async (_label, values) => {
      const error = await rejectionOf(createFirecrawl('Production', values));

      expect([error.status, error.code]).toEqual([422, 'validation_failed']);
      expect(error.fieldErrors).toEqual({ firecrawl_api_key: 'API Key is required.' });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('lets a 4 KB secret through the field rules and refuses 4 KB + 1 byte', async () => {
      // No provider's key is 4 KB long: a secret of exactly 4 KB passes the field rules and then
      // goes to the provider, which refuses it (not the size error of one byte more).
      for (const [name, secret] of [
        ['Exactly 4 KB', 'k'.repeat(4096)],
        // Two-byte characters: 2,048 fit, one more does not, whatever the character count.
        ['4 KB of é', 'é'.repeat(2048)],
      ] as const) {
        const refused = await rejectionOf(createFirecrawl(name, { firecrawl_api_key: secret }));
        expect([refused.status, refused.code, refused.fieldErrors], name).toEqual([
          422,
          'credential_rejected',
          { firecrawl_api_key: 'The provider refused this key.' },
        ]);
      }

      const error = await rejectionOf(
        createFirecrawl('Too long', { firecrawl_api_key: `${'k'.repeat(4096)}x` }),
      );
      expect(error.status).toBe(422);
      expect(error.fieldErrors.firecrawl_api_key).toMatch(/4 KB/);
      const multibyte = await rejectionOf(
        createFirecrawl('Too long é', { firecrawl_api_key: `${'é'.repeat(2048)}x` }),
      );
      expect(multibyte.fieldErrors.firecrawl_api_key).toMatch(/4 KB/);
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('refuses a secret with inner whitespace', async () => {
      const error = await rejectionOf(
        createFirecrawl('Spaced', { firecrawl_api_key: 'fc-abc def' }),
      );
      expect(error.status).toBe(422);
      expect(error.fieldErrors).toEqual({ firecrawl_api_key: expect.stringMatching(/spaces/) });
    });

    it('refuses unknown fields, naming them', async () => {
      const error = await rejectionOf(
        createFirecrawl('Extra', { firecrawl_api_key: FIRECRAWL_KEY, password: 'x' }),
      );
      expect(error.status).toBe(422);
      expect(error.fieldErrors).toEqual({ password: expect.any(String) });
    });

    it('refuses a secret that is not text', async () => {
      const error = await rejectionOf(createFirecrawl('Boolean', { firecrawl_api_key: true }));
      expect(error.status).toBe(422);
      expect(Object.keys(error.fieldErrors)).toEqual(['firecrawl_api_key']);
    });

    it('reports field and name errors together', async () => {
      const error = await rejectionOf(createFirecrawl('x'.repeat(101), {}));
      expect(Object.keys(error.fieldErrors).sort()).toEqual(['firecrawl_api_key', 'name']);
    });
  });

  it('answers 404 for an unknown provider', async () => {
    const error = await rejectionOf(ctx.backend.createApiKeyCredential('nope', { values: {} }));
    expect([error.status, error.code]).toEqual([404, 'not_found']);
  });

  it('answers 400 for a provider without the API key method', async () => {
    const error = await rejectionOf(
      ctx.backend.createApiKeyCredential('google-drive', { values: {} }),
    );
    expect([error.status, error.code, error.retryable]).toEqual([
      400,
      'method_not_supported',
      false,
    ]);
  });

  it.each([
    ['not JSON', '{"values": '],
    ['values not an object', '{"values": "fc-abc"}'],
    ['a number value', '{"values": {"firecrawl_api_key": 42}}'],
    ['a numeric name', '{"name": 7, "values": {}}'],
  ])('answers 400 bad_request for a body with %s', async (_label, body) => {
    const response = await rawRequest('POST', '/providers/firecrawl/credentials', { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'bad_request', message: expect.any(String), retryable: false },
    });
  });
});
