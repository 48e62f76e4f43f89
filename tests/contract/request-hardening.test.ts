import { describe, expect, it } from 'vitest';
import { rawRequest, useContractBackend } from './support/contract-harness';

const FIRECRAWL_KEY = 'fc-0123456789abcdef0123456789abcdef';
const CREATE = '/providers/firecrawl/credentials';
const createBody = (name = 'Production') =>
  JSON.stringify({ name, values: { firecrawl_api_key: FIRECRAWL_KEY } });

/** The error envelope as the contract defines it, and nothing else (no stack, no name). */
async function expectEnvelope(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    error: { code, message: expect.any(String), retryable: expect.any(Boolean) },
  });
  expect(text).not.toMatch(/stack|at .+:\d+:\d+/);
}

describe('request bodies: JSON only', () => {
  const ctx = useContractBackend();

  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain;charset=UTF-8', 'text/plain;charset=UTF-8'],
    ['a form encoding', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a JSON-like type', 'application/json-patch+json'],
  ])('refuses a create sent as %s with 415, storing nothing', async (_label, contentType) => {
    const response = await rawRequest('POST', CREATE, { body: createBody(), contentType });

    await expectEnvelope(response, 415, 'unsupported_media_type');
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('refuses a body sent without a Content-Type with 415', async () => {
    const response = await rawRequest('POST', CREATE, { body: createBody(), contentType: null });
    await expectEnvelope(response, 415, 'unsupported_media_type');
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('refuses other media types on every operation that takes a body', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Kept',
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const attempts: [string, string, string, Record<string, string>?][] = [
      ['PATCH', `/credentials/${created.id}`, '{"name":"Renamed"}', { 'If-Match': '"1"' }],
      [
        'PUT',
        '/providers/firecrawl/default-credential',
        JSON.stringify({ credentialId: created.id }),
      ],
      [
        'PUT',
        '/providers/dropbox/oauth-client',
        '{"mode":"custom","clientId":"a","clientSecret":"b"}',
      ],
      ['POST', '/providers/notion/oauth/flows', '{}'],
      ['POST', '/oauth/callback', '{"state":"s","code":"c"}'],
    ];
    for (const [method, path, body, headers] of attempts) {
      const response = await rawRequest(method, path, {
        body,
        headers,
        contentType: 'text/plain',
      });
      await expectEnvelope(response, 415, 'unsupported_media_type');
    }
    expect((await ctx.backend.listCredentials()).map((c) => [c.name, c.version])).toEqual([
      ['Kept', 1],
    ]);
    expect((await ctx.backend.getOAuthClient('dropbox')).custom).toBeNull();
  });

  it('accepts application/json in any case, with charset=utf-8', async () => {
    const response = await rawRequest('POST', CREATE, {
      body: createBody(),
      contentType: 'Application/JSON; charset=UTF-8',
    });
    expect(response.status).toBe(201);
  });
});

describe('request bodies: at most 64 KB', () => {
  const ctx = useContractBackend();

  /** A create body of exactly `bytes` bytes (JSON padded with trailing spaces). */
  const bodyOf = (bytes: number) => {
    const json = createBody();
    return json + ' '.repeat(bytes - json.length);
  };

  it('accepts a body of exactly 65,536 bytes', async () => {
    const response = await rawRequest('POST', CREATE, { body: bodyOf(65_536) });
    expect(response.status).toBe(201);
  });

  it('refuses 65,537 bytes with 413, storing nothing', async () => {
    const response = await rawRequest('POST', CREATE, { body: bodyOf(65_537) });
    await expectEnvelope(response, 413, 'payload_too_large');
    expect(await ctx.backend.listCredentials()).toEqual([]);
  });

  it('refuses a 2 MB body, and a 1 MB value, with 413', async () => {
    const huge = await rawRequest('POST', CREATE, { body: bodyOf(2 * 1024 * 1024) });
    await expectEnvelope(huge, 413, 'payload_too_large');

    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Kept',
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const rename = await rawRequest('PATCH', `/credentials/${created.id}`, {
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
      headers: { 'If-Match': '"1"' },
    });
    await expectEnvelope(rename, 413, 'payload_too_large');
    expect((await ctx.backend.listCredentials()).map((c) => c.name)).toEqual(['Kept']);
  });

  it('the adapter reports a 413 as payload_too_large', async () => {
    const error = await ctx.backend
      .createApiKeyCredential('firecrawl', {
        values: { firecrawl_api_key: FIRECRAWL_KEY, base_url: `https://${'a'.repeat(70_000)}` },
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large', retryable: false });
  });
});

describe('Cache-Control: no-store on every response', () => {
  const ctx = useContractBackend();

  it('on successes, errors, and unknown routes under the API', async () => {
    const created = await ctx.backend.createApiKeyCredential('firecrawl', {
      name: 'Production',
      values: { firecrawl_api_key: FIRECRAWL_KEY },
    });
    const responses: [string, Promise<Response>][] = [
      ['GET /providers', rawRequest('GET', '/providers')],
      ['GET /credentials', rawRequest('GET', '/credentials')],
      ['POST 201', rawRequest('POST', CREATE, { body: createBody('Second') })],
      ['POST 409', rawRequest('POST', CREATE, { body: createBody('Production') })],
      ['POST 422', rawRequest('POST', CREATE, { body: '{"values":{}}' })],
      ['POST 400', rawRequest('POST', CREATE, { body: '{"values": ' })],
      ['POST 415', rawRequest('POST', CREATE, { body: createBody(), contentType: 'text/plain' })],
      ['GET oauth-client', rawRequest('GET', '/providers/notion/oauth-client')],
      ['GET unknown flow 404', rawRequest('GET', '/oauth/flows/nope')],
      ['DELETE 428', rawRequest('DELETE', `/credentials/${created.id}`)],
      ['unknown route', rawRequest('GET', '/no-such-endpoint')],
      ['the API root', rawRequest('GET', '')],
      [
        'DELETE 204',
        rawRequest('DELETE', `/credentials/${created.id}`, { headers: { 'If-Match': '"1"' } }),
      ],
    ];
    for (const [label, pending] of responses) {
      const response = await pending;
      expect(response.headers.get('Cache-Control'), label).toMatch(/(^|,\s*)no-store(\s*,|$)/);
    }
  });
});

describe('malformed requests get the envelope, never a stack', () => {
  useContractBackend();

  it.each([
    ['GET', '/oauth/flows/%E0%A4%A'],
    ['DELETE', '/oauth/flows/%E0%A4%A'],
    ['GET', '/oauth/flows/%ZZ'],
    ['DELETE', '/credentials/%C0%AF'],
    ['GET', '/providers/%E0/oauth-client'],
    ['POST', '/providers/%/credentials'],
  ])('%s %s: 400 or 404 in the error envelope', async (method, path) => {
    const response = await rawRequest(method, path, {
      body: method === 'POST' ? createBody() : undefined,
    });
    expect([400, 404]).toContain(response.status);
    const envelope = (await response.clone().json()) as { error: { code: string } };
    await expectEnvelope(response, response.status, envelope.error.code);
  });

  it('answers an unknown route under the API with 404 not_found', async () => {
    await expectEnvelope(await rawRequest('GET', '/nothing/here'), 404, 'not_found');
    await expectEnvelope(await rawRequest('GET', '/providers/notion/nothing'), 404, 'not_found');
  });

  it('answers a method a route does not have with an error in the envelope', async () => {
    const response = await rawRequest('POST', '/credentials', { body: '{}' });
    expect([404, 405]).toContain(response.status);
    const envelope = (await response.clone().json()) as { error: { code: string } };
    await expectEnvelope(response, response.status, envelope.error.code);
  });
});
