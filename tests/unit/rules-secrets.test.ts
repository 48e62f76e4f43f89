import { describe, expect, it } from 'vitest';
// Internal on purpose: the shared rules (client, mock and server), which this file tests.
import { checkSecret, SECRET_MAX_BYTES } from '../../src/rules/secrets';

describe('checkSecret', () => {
  it('accepts printable keys, non-ASCII letters included', () => {
    for (const key of ['fc-0123456789abcdef', 'ntn_ABC123', 'sk_live_é€', 'a'.repeat(4096)]) {
      expect(checkSecret(key, 'API Key')).toBeNull();
    }
  });

  it.each([
    ['a space', 'fc-abc def'],
    ['a tab', 'fc-abc\tdef'],
    ['a line break', 'fc-abc\ndef'],
    ['a no-break space', 'fc-abc\u00A0def'],
  ])('refuses %s inside', (_label, value) => {
    expect(checkSecret(value, 'API Key')).toEqual({
      code: 'secret_whitespace',
      message: 'API Key must not contain spaces or line breaks.',
    });
  });

  it.each([
    ['NUL', 'fc-\u0000abc'],
    ['BEL', 'fc-\u0007abc'],
    ['escape', 'fc-\u001B[0m'],
    ['DEL', 'fc-abc\u007F'],
    ['a C1 control', 'fc-\u0090abc'],
    ['a zero-width space', 'fc-\u200Babc'],
    ['a zero-width joiner', 'fc-\u200Dabc'],
    ['a bidi override', 'fc-\u202Eabc'],
    ['a lone surrogate', 'fc-\uD800abc'],
  ])('refuses %s as not printable', (_label, value) => {
    expect(checkSecret(value, 'API Key')).toEqual({
      code: 'secret_not_printable',
      message: 'API Key must contain only printable characters.',
    });
  });

  it(`counts the ${SECRET_MAX_BYTES}-byte limit in UTF-8`, () => {
    expect(checkSecret('é'.repeat(2048))).toBeNull();
    expect(checkSecret(`${'é'.repeat(2048)}x`)?.code).toBe('secret_too_long');
    expect(checkSecret('😀'.repeat(1024))).toBeNull();
    expect(checkSecret(`${'😀'.repeat(1024)}x`)?.code).toBe('secret_too_long');
    expect(checkSecret('k'.repeat(60_000))).toEqual({
      code: 'secret_too_long',
      message: 'The secret is too long (at most 4 KB).',
    });
  });
});
