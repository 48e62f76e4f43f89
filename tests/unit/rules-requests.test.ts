import { describe, expect, it } from 'vitest';
// Internal on purpose: the shared rules (client, mock and server), which this file tests.
import {
  checkIdempotencyKey,
  IDEMPOTENCY_KEY_TTL_MS,
  idempotencyFingerprint,
} from '../../src/rules/idempotency';
import { checkPathId } from '../../src/rules/path-ids';
import { capProviderText, PROVIDER_TEXT_MAX_CHARACTERS } from '../../src/rules/provider-text';
import { BODY_MAX_BYTES, checkBodySize, checkJsonMediaType } from '../../src/rules/request-body';

describe('checkBodySize', () => {
  it(`allows ${BODY_MAX_BYTES} bytes and refuses one more, from a header or a count`, () => {
    expect(checkBodySize(BODY_MAX_BYTES)).toBeNull();
    expect(checkBodySize(String(BODY_MAX_BYTES))).toBeNull();
    expect(checkBodySize(null)).toBeNull();
    expect(checkBodySize(BODY_MAX_BYTES + 1)).toEqual({
      code: 'payload_too_large',
      message: 'The request is too large (at most 64 KB).',
    });
    expect(checkBodySize(' 2097152 ')?.code).toBe('payload_too_large');
  });
});

describe('checkJsonMediaType', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    // RFC 8259: JSON is UTF-8 and a charset parameter means nothing to a recipient.
    'application/json; charset=latin1',
  ])('accepts %s', (type) => {
    expect(checkJsonMediaType(type)).toBeNull();
  });

  it.each([
    null,
    '',
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'application/json-patch+json',
  ])('refuses %s with 415', (type) => {
    expect(checkJsonMediaType(type)).toEqual({
      code: 'unsupported_media_type',
      message: 'Send the request body as application/json.',
    });
  });
});

describe('capProviderText', () => {
  it(`keeps up to ${PROVIDER_TEXT_MAX_CHARACTERS} characters and cuts longer text with "…"`, () => {
    expect(capProviderText('access_denied')).toBe('access_denied');
    expect(capProviderText('x'.repeat(500))).toBe('x'.repeat(500));
    const cut = capProviderText('x'.repeat(1_000_000));
    expect(Array.from(cut)).toHaveLength(500);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cut = capProviderText('😀'.repeat(600));
    expect(Array.from(cut)).toHaveLength(500);
    expect(cut).toBe(`${'😀'.repeat(499)}…`);
    expect(capProviderText('😀'.repeat(300))).toBe('😀'.repeat(300));
  });
});

describe('checkIdempotencyKey and idempotencyFingerprint', () => {
  it('accepts 1–255 visible ASCII characters', () => {
    expect(checkIdempotencyKey('0b9e5d4c-6f1a-4f0e-9a57-3f1f7f0b8a11')).toBeNull();
    expect(checkIdempotencyKey('k'.repeat(255))).toBeNull();
    for (const key of ['', 'k'.repeat(256), 'a b', 'clé', 'a\tb']) {
      expect(checkIdempotencyKey(key)?.code, key).toBe('bad_request');
    }
    expect(IDEMPOTENCY_KEY_TTL_MS).toBe(86_400_000);
  });

  it('gives the same body the same fingerprint whatever the key order', () => {
    expect(idempotencyFingerprint({ name: 'a', values: { y: '1', x: true } })).toBe(
      idempotencyFingerprint({ values: { x: true, y: '1' }, name: 'a' }),
    );
    expect(idempotencyFingerprint({ name: 'a' })).not.toBe(idempotencyFingerprint({ name: 'b' }));
  });
});

describe('checkPathId', () => {
  it('refuses empty ids and dot segments, and nothing else', () => {
    for (const id of ['', '.', '..']) expect(checkPathId(id)?.code, id).toBe('bad_request');
    for (const id of ['cred-1', '...', '.hidden', '%2e%2e', 'a/b'])
      expect(checkPathId(id), id).toBeNull();
    expect(checkPathId(undefined)?.code).toBe('bad_request');
  });
});
