import { SECRET_MASK, type FieldSchema } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Internal on purpose: the shared rules (client, mock and server), which this file tests.
import { checkFieldValues, checkTextValue, maskValues } from '../../src/rules/field-values';

const firecrawl: FieldSchema[] = [
  { name: 'firecrawl_api_key', type: 'secret', label: 'API Key', required: true },
  { name: 'base_url', type: 'text', label: 'Base URL', required: false },
];
const options = { urlFields: ['base_url'] };

describe('checkFieldValues', () => {
  it('returns the values to store: trimmed, every field present', () => {
    expect(checkFieldValues(firecrawl, { firecrawl_api_key: '  fc-abc\n' }, options)).toEqual({
      ok: true,
      values: { firecrawl_api_key: 'fc-abc', base_url: '' },
    });
  });

  it('reports each field’s problem as a code and an English message', () => {
    const result = checkFieldValues(
      firecrawl,
      { firecrawl_api_key: 'fc-\u0000', base_url: 'http://169.254.169.254/', extra: 'x' },
      options,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        extra: 'This field is not known.',
        firecrawl_api_key: 'API Key must contain only printable characters.',
        base_url: 'Base URL must start with https://.',
      },
      problems: {
        extra: { code: 'value_unknown_field', message: 'This field is not known.' },
        firecrawl_api_key: {
          code: 'secret_not_printable',
          message: 'API Key must contain only printable characters.',
        },
        base_url: { code: 'url_scheme', message: 'Base URL must start with https://.' },
      },
    });
  });

  it('checks URL fields only where told, and lets a development backend use loopback', () => {
    const values = { firecrawl_api_key: 'fc-abc', base_url: 'http://localhost:3002' };
    expect(checkFieldValues(firecrawl, values).ok).toBe(true);
    expect(checkFieldValues(firecrawl, values, options).ok).toBe(false);
    expect(checkFieldValues(firecrawl, values, { ...options, development: true }).ok).toBe(true);
  });

  it('keeps a stored secret sent back as the mask, and refuses the mask as a new secret', () => {
    const previous = { firecrawl_api_key: 'fc-stored', base_url: '' };
    expect(
      checkFieldValues(firecrawl, { firecrawl_api_key: SECRET_MASK }, { ...options, previous }),
    ).toEqual({ ok: true, values: previous });
    expect(checkFieldValues(firecrawl, { firecrawl_api_key: SECRET_MASK }, options)).toMatchObject({
      ok: false,
      problems: { firecrawl_api_key: { code: 'secret_is_mask' } },
    });
  });
});

describe('checkTextValue', () => {
  const text: FieldSchema = {
    name: 'tenant_id',
    type: 'text',
    label: 'Tenant ID',
    required: false,
  };

  it('refuses control characters and more than 4 KB in text', () => {
    expect(checkTextValue(text, 'contoso\u0000', { required: false })?.code).toBe(
      'value_not_printable',
    );
    expect(checkTextValue(text, 'é'.repeat(2049), { required: false })?.code).toBe(
      'value_too_long',
    );
    expect(checkTextValue(text, 'organizations', { required: false })).toBeNull();
  });
});

describe('maskValues', () => {
  it('masks every non-empty secret and every value of an unknown field', () => {
    expect(
      maskValues(firecrawl, {
        firecrawl_api_key: 'fc-abc',
        base_url: 'https://x.example',
        old: 'v',
      }),
    ).toEqual({ firecrawl_api_key: SECRET_MASK, base_url: 'https://x.example', old: SECRET_MASK });
    expect(maskValues(firecrawl, { firecrawl_api_key: '' })).toEqual({ firecrawl_api_key: '' });
  });
});
