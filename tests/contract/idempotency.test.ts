import { describe, expect, it } from 'vitest';
import { rawRequest, rejectionOf, useContractBackend } from './support/contract-harness';

const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'fc-fedcba9876543210fedcba9876543210';
const DAY = 24 * 3_600_000;

describe('Idempotency-Key on POST /providers/{providerId}/credentials', () => {
  const ctx = useContractBackend();
  const create = (idempotencyKey: string | undefined, name?: string, key = FIRECRAWL_KEY) =>
    ctx.backend.createApiKeyCredential(
      'firecrawl',
      { name, values: { firecrawl_api_key: key } },
      idempotencyKey === undefined ? undefined : { idempotencyKey },
    );

  it('answers a repeat (same key, same body) with the first credential, 201 again, making nothing new', async () => {
    const first = await create('attempt-1', 'Production');
    const repeat = await create('attempt-1', 'Production');

    expect(repeat).toEqual(first);
    expect(ctx.exchanges.map((exchange) => exchange.status)).toEqual([201, 201]);
    expect(await ctx.backend.listCredentials()).toHaveLength(1);
  });

  it('makes one credential for repeats of an unnamed create (no "API key 2")', async () => {
    const first = await create('double-click');
    const second = await create('double-click');
    const third = await create('double-click');

    expect([second.id, third.id]).toEqual([first.id, first.id]);
    expect((await ctx.backend.listCredentials()).map((c) => c.name)).toEqual(['Firecrawl API key']);
  });

  it('treats the same body with its keys in another order as the same body', async () => {
    const headers = { 'Idempotency-Key': 'reordered' };
    const one = await rawRequest('POST', '/providers/firecrawl/credentials', {
      headers,
      body: JSON.stringify({ name: 'Production', values: { firecrawl_api_key: FIRECRAWL_KEY } }),
    });
    const two = await rawRequest('POST', '/providers/firecrawl/credentials', {
      headers,
      body: JSON.stringify({ values: { firecrawl_api_key: FIRECRAWL_KEY }, name: 'Production' }),
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(((await two.json()) as { id: string }).id).toBe(
      ((await one.json()) as { id: string }).id,
    );
    expect(await ctx.backend.listCredentials()).toHaveLength(1);
  });

  it('refuses the same key with a different body with 422 idempotency_key_reused', async () => {
    await create('attempt-1', 'Production');
    for (const attempt of [
      () => create('attempt-1', 'Staging'),
      () => create('attempt-1', 'Production', OTHER_KEY),
    ]) {
      const error = await rejectionOf(attempt());
      expect([error.status, error.code, error.retryable]).toEqual([
        422,
        'idempotency_key_reused',
        false,
      ]);
    }
    expect((await ctx.backend.listCredentials()).map((c) => c.name)).toEqual(['Production']);
  });

  it('keeps keys apart per provider', async () => {
    const firecrawl = await create('shared-key', 'Production');
    const jina = await ctx.backend.createApiKeyCredential(
      'jina-reader',
      { name: 'Production', values: {} },
      { idempotencyKey: 'shared-key' },
    );
    expect(jina.id).not.toBe(firecrawl.id);
    expect(await ctx.backend.listCredentials()).toHaveLength(2);
  });

  it('makes a new credential for a new key, and for no key at all', async () => {
    await create('one');
    await create('two');
    await create(undefined);
    expect((await ctx.backend.listCredentials()).map((c) => c.name)).toEqual([
      'Firecrawl API key',
      'Firecrawl API key 2',
      'Firecrawl API key 3',
    ]);
  });

  it('remembers a key for 24 hours', async () => {
    const first = await create('daily');
    ctx.advance(DAY - 1000);
    expect((await create('daily')).id).toBe(first.id);

    ctx.advance(2000);
    const later = await create('daily');
    expect(later.id).not.toBe(first.id);
    expect(await ctx.backend.listCredentials()).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'my key'],
    ['too long', 'k'.repeat(256)],
    ['non-ASCII', 'clé'],
  ])('refuses a malformed key (%s) with 400', async (_label, key) => {
    const response = await rawRequest('POST', '/providers/firecrawl/credentials', {
      headers: { 'Idempotency-Key': key },
      body: JSON.stringify({ values: { firecrawl_api_key: FIRECRAWL_KEY } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('accepts a 255-character key', async () => {
    await create('k'.repeat(255));
    await create('k'.repeat(255));
    expect(await ctx.backend.listCredentials()).toHaveLength(1);
  });
});
