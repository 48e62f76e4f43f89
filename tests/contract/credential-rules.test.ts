import { describe, expect, it } from 'vitest';
import { CredentialsError, type Credential } from 'pipeline-connect';
import { rawRequest, rejectionOf, useContractBackend } from './support/contract-harness';

const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';

describe('credential names (create and rename)', () => {
  const ctx = useContractBackend();
  const createFirecrawl = (name?: string) =>
    ctx.backend.createApiKeyCredential('firecrawl', {
      name,
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });

  describe('lengths are checked before characters are counted', () => {
    it('refuses a name of more than 1,000 code units even when it is one character', async () => {
      // "e" with 1,000 combining accents: one character as people count, 1,001 code units.
      const error = await rejectionOf(createFirecrawl(`e${'\u0301'.repeat(1000)}`));
      expect([error.status, error.code]).toEqual([422, 'validation_failed']);
      expect(error.fieldErrors).toEqual({ name: expect.stringContaining('100') });
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('refuses a 60,000-character name with the name’s field error', async () => {
      const error = await rejectionOf(createFirecrawl('n'.repeat(60_000)));
      expect([error.status, error.code]).toEqual([422, 'validation_failed']);
      expect(Object.keys(error.fieldErrors)).toEqual(['name']);
    });

    it('refuses the same on a rename', async () => {
      const created = await createFirecrawl('Production');
      const error = await rejectionOf(
        ctx.backend.updateCredential(created.id, created.version, { name: 'n'.repeat(60_000) }),
      );
      expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['name']]);
      expect((await ctx.backend.listCredentials())[0]?.name).toBe('Production');
    });
  });

  describe('no invisible or direction-changing characters', () => {
    it.each([
      ['a zero-width space', 'Firecrawl\u200B production'],
      ['a zero-width non-joiner between Latin letters', 'Fire\u200Ccrawl'],
      ['a word joiner', 'Fire\u2060crawl'],
      ['a soft hyphen', 'Fire\u00ADcrawl'],
      ['a right-to-left override', 'invoice\u202Efdp.exe'],
      ['a left-to-right isolate', 'Prod \u2066EU\u2069'],
      ['a right-to-left mark', 'Prod\u200F'],
      ['a byte-order mark inside', 'Pro\uFEFFd'],
      ['a line separator', 'Prod\u2028EU'],
      ['a NUL', 'Prod\u0000'],
      ['a lone surrogate', 'Prod \uD83D'],
    ])('refuses a name with %s (422 on the name)', async (_label, name) => {
      const error = await rejectionOf(createFirecrawl(name));
      expect([error.status, error.code]).toEqual([422, 'validation_failed']);
      expect(Object.keys(error.fieldErrors)).toEqual(['name']);
      expect(await ctx.backend.listCredentials()).toEqual([]);
    });

    it('refuses them on a rename too', async () => {
      const created = await createFirecrawl('Production');
      const error = await rejectionOf(
        ctx.backend.updateCredential(created.id, created.version, { name: 'Produc\u202Etion' }),
      );
      expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['name']]);
    });

    it.each([
      ['emoji joined into one', '👩🏽‍💻 Data team'],
      ['a flag with tag characters', '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland'],
      ['a Persian word with a zero-width non-joiner', 'می‌خواهم'],
      ['right-to-left text', 'מפתח ייצור'],
    ])('keeps %s', async (_label, name) => {
      expect((await createFirecrawl(name)).name).toBe(name);
    });
  });

  describe('unique per provider, ignoring case and Unicode normalisation', () => {
    it.each([
      ['full-width letters', 'Firecrawl production', 'Ｆｉｒｅｃｒａｗｌ production'],
      ['a case fold of ß', 'Straße', 'STRASSE'],
      ['composed and decomposed accents', 'Caf\u00E9', 'Cafe\u0301'],
      ['a ligature', 'Office', 'Oﬃce'],
      ['a no-break space', 'Firecrawl production', 'Firecrawl\u00A0production'],
      ['doubled spaces', 'Firecrawl production', 'Firecrawl  production'],
      ['final and ordinary sigma', 'ΟΔΟΣ', 'οδοσ'],
    ])('refuses a look-alike by %s with 409 on the name', async (_label, first, second) => {
      await createFirecrawl(first);
      const error = await rejectionOf(createFirecrawl(second));
      expect([error.status, error.code]).toEqual([409, 'duplicate_name']);
      expect(Object.keys(error.fieldErrors)).toEqual(['name']);
      expect((await ctx.backend.listCredentials()).map((c) => c.name)).toEqual([first]);
    });

    it('refuses a rename onto a look-alike of another credential’s name', async () => {
      await createFirecrawl('Production');
      const other = await createFirecrawl('Staging');
      const error = await rejectionOf(
        ctx.backend.updateCredential(other.id, other.version, { name: 'ＰＲＯＤＵＣＴＩＯＮ' }),
      );
      expect([error.status, error.code]).toEqual([409, 'duplicate_name']);
    });

    it('numbers a chosen name past a look-alike', async () => {
      await createFirecrawl('ＦＩＲＥＣＲＡＷＬ API KEY');
      expect((await createFirecrawl()).name).toBe('Firecrawl API key 2');
    });
  });
});

describe('secret values', () => {
  const ctx = useContractBackend();

  it.each([
    ['a NUL', `fc-0123456789abcdef\u00000123456789abcdef`],
    ['an escape character', `fc-0123456789abcdef\u001B[31m`],
    ['a DEL', `${FIRECRAWL_KEY}\u007F`],
    ['a C1 control', `${FIRECRAWL_KEY}\u0085`],
    ['a zero-width space', `fc-0123456789abcdef\u200B0123456789abcdef`],
    ['a right-to-left override', `fc-0123456789abcdef\u202E0123456789abcdef`],
    ['a lone surrogate', `${FIRECRAWL_KEY}\uDC00`],
  ])('refuses a secret with %s (422 on the secret)', async (_label, key) => {
    const error = await rejectionOf(
      ctx.backend.createApiKeyCredential('firecrawl', {
        name: 'Production',
        values: { firecrawl_api_key: key },
      }),
    );
    expect([error.status, error.code]).toEqual([422, 'validation_failed']);
    expect(Object.keys(error.fieldErrors)).toEqual(['firecrawl_api_key']);
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('refuses a control character in a re-typed secret', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const error = await rejectionOf(
      ctx.backend.updateCredential(created.id, created.version, {
        values: { firecrawl_api_key: `fc-\u0000${FIRECRAWL_KEY.slice(4)}` },
      }),
    );
    expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['firecrawl_api_key']]);
  });

  it('refuses a control character in an OAuth client secret', async () => {
    const error = await rejectionOf(
      ctx.backend.saveOAuthClient('dropbox', {
        mode: 'custom',
        clientId: 'my-dropbox-app',
        clientSecret: 's3cret\u0000',
      }),
    );
    expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['clientSecret']]);
    expect((await ctx.backend.getOAuthClient('dropbox')).custom).toBeNull();
  });
});

describe('URL fields (Firecrawl’s base_url)', () => {
  const ctx = useContractBackend();
  const createWithBaseUrl = (baseUrl: string) =>
    ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Self-hosted',
      values: { firecrawl_api_key: FIRECRAWL_KEY, base_url: baseUrl },
    });

  it.each([
    ['the cloud metadata address', 'http://169.254.169.254/'],
    ['the metadata address over https', 'https://169.254.169.254/latest/meta-data/'],
    ['the metadata address as a decimal number', 'https://2852039166/'],
    ['the metadata address in octal', 'https://0251.0376.0251.0376/'],
    ['the metadata address in hex', 'https://0xa9fea9fe/'],
    ['the metadata address, IPv4-mapped IPv6', 'https://[::ffff:169.254.169.254]/'],
    ['GCP’s metadata name', 'https://metadata.google.internal/computeMetadata/v1/'],
    ['GCP’s metadata name with a trailing dot', 'https://metadata.google.internal./'],
    ['a 10/8 address', 'https://10.0.0.5/'],
    ['a 172.16/12 address', 'https://172.20.1.1/'],
    ['a 192.168/16 address', 'https://192.168.1.10/'],
    ['a 100.64/10 address', 'https://100.100.100.200/'],
    ['a link-local address', 'https://169.254.1.1/'],
    ['an IPv6 unique local address', 'https://[fd00:ec2::254]/'],
    ['an IPv6 link-local address', 'https://[fe80::1]/'],
    ['0.0.0.0', 'https://0.0.0.0/'],
    ['a loopback address other than 127.0.0.1', 'https://127.0.0.2/'],
    ['a loopback subdomain', 'https://api.localhost/'],
    ['a host name without a domain', 'https://intranet/'],
    ['a .local name', 'https://crawler.local/'],
    ['plain http to a public host', 'http://crawl.example.com/'],
    ['a user name and password', 'https://user:pass@crawl.example.com/'],
    ['a user name', 'https://token@crawl.example.com/'],
    ['another scheme', 'ftp://crawl.example.com/'],
    ['a line break inside', 'https://crawl.exa\nmple.com/'],
    ['not a URL', 'crawl.example.com'],
  ])('refuses %s (422 on base_url)', async (_label, baseUrl) => {
    const error = await rejectionOf(createWithBaseUrl(baseUrl));
    expect([error.status, error.code]).toEqual([422, 'validation_failed']);
    expect(Object.keys(error.fieldErrors)).toEqual(['base_url']);
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it.each([
    ['the hosted service', 'https://api.firecrawl.dev'],
    ['a public host with a port and path', 'https://crawl.example.com:8443/v1'],
    ['a public IPv4 address', 'https://203.0.114.7/'],
    ['a public IPv6 address', 'https://[2606:4700:4700::1111]/'],
  ])('lets the URL rules pass %s', async (_label, baseUrl) => {
    // A backend that verifies keys calls the self-hosted service, which these hosts are not: a
    // 502/503 provider_unavailable then says the URL passed the rules (the mock stores it).
    const outcome = await createWithBaseUrl(baseUrl).catch((error: unknown) => error);
    if (outcome instanceof CredentialsError) {
      expect([outcome.code, outcome.fieldErrors]).toEqual(['provider_unavailable', {}]);
    } else {
      expect((outcome as Credential).values.base_url).toBe(baseUrl);
    }
  });

  it('refuses a private address on an edit too, keeping the stored value', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Hosted',
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const error = await rejectionOf(
      ctx.backend.updateCredential(created.id, created.version, {
        values: { base_url: 'https://192.168.0.1/' },
      }),
    );
    expect([error.status, Object.keys(error.fieldErrors)]).toEqual([422, ['base_url']]);
    expect((await ctx.backend.listCredentials())[0]).toMatchObject({
      version: created.version,
      values: { base_url: '' },
    });
  });

  it('refuses a URL the client never sent through the adapter (raw request)', async () => {
    const response = await rawRequest('POST', '/providers/firecrawl/credentials', {
      body: JSON.stringify({
        values: { firecrawl_api_key: FIRECRAWL_KEY, base_url: 'http://[::ffff:a9fe:a9fe]/' },
      }),
    });
    expect(response.status).toBe(422);
  });
});
