import type { FieldSchema } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Internal on purpose: the dialog's form schema and its English messages, which this file tests.
import {
  NAME_MAX_CHARACTERS,
  VALUE_MAX_BYTES,
  buildApiKeyFormSchema,
  buildFieldValuesSchema,
  buildNameSchema,
  countCharacters,
  defaultFieldValues,
} from '../../src/dialogs/api-key-form-schema';
import { apiKey } from '../../src/i18n/en/api-key';

const messages = apiKey.validation;

const firecrawl: FieldSchema[] = [
  { name: 'firecrawl_api_key', type: 'secret', label: 'API Key', required: true },
  {
    name: 'base_url',
    type: 'text',
    label: 'Base URL',
    required: false,
    placeholder: 'https://api.firecrawl.dev',
  },
];

const jina: FieldSchema[] = [
  { name: 'api_key', type: 'secret', label: 'API Key', required: false },
];

/** The messages a parse produced, by path ("name", "values.firecrawl_api_key"). */
function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.')] = issue.message;
  return out;
}

function create(name: string, values: Record<string, string | boolean>, fields = firecrawl) {
  return buildApiKeyFormSchema(fields, messages, { mode: 'create' }).safeParse({ name, values });
}

describe('countCharacters', () => {
  it('counts what people see, not UTF-16 units', () => {
    expect(countCharacters('abc')).toBe(3);
    expect(countCharacters('👍')).toBe(1);
    expect(countCharacters('👍🏽')).toBe(1);
    expect(countCharacters('👨‍👩‍👧')).toBe(1);
    expect(countCharacters('🇨🇳')).toBe(1);
    expect(countCharacters('é')).toBe(1); // e + combining acute accent
  });
});

describe('Authorization Name (creating)', () => {
  const key = { firecrawl_api_key: 'fc-123' };

  it('may be empty, so the backend names the credential', () => {
    const result = create('', key);
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe('');
  });

  it('treats whitespace only as empty', () => {
    const result = create('   \t ', key);
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe('');
  });

  it('is trimmed', () => {
    expect(create('  Production  ', key).data?.name).toBe('Production');
  });

  it(`accepts exactly ${NAME_MAX_CHARACTERS} characters`, () => {
    expect(create('a'.repeat(NAME_MAX_CHARACTERS), key).success).toBe(true);
  });

  it(`refuses ${NAME_MAX_CHARACTERS + 1} characters`, () => {
    const result = create('a'.repeat(NAME_MAX_CHARACTERS + 1), key);
    expect(errorsOf(result)).toEqual({ name: 'Use at most 100 characters.' });
  });

  it('counts outer whitespace out of the limit', () => {
    expect(create(`  ${'a'.repeat(NAME_MAX_CHARACTERS)}  `, key).success).toBe(true);
  });

  it('counts an emoji as one character, even when it takes many UTF-16 units', () => {
    // 100 thumbs-up with a skin tone: 400 UTF-16 units, 100 characters.
    const hundred = '👍🏽'.repeat(NAME_MAX_CHARACTERS);
    expect(hundred.length).toBe(400);
    expect(create(hundred, key).success).toBe(true);
    expect(errorsOf(create(`${hundred}👍`, key))).toEqual({ name: 'Use at most 100 characters.' });
  });

  it('keeps markup as literal text (names are only ever rendered as text)', () => {
    const markup = '<img src=x onerror="alert(1)"> <b>Prod</b>';
    const result = create(markup, key);
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe(markup);
  });

  it('refuses line breaks and other control characters inside', () => {
    const message = 'Names cannot contain line breaks or other control characters.';
    expect(errorsOf(create('Prod\nEU', key))).toEqual({ name: message });
    expect(errorsOf(create('Prod\u0000', key))).toEqual({ name: message });
    expect(errorsOf(create('Prod\u001b[31m', key))).toEqual({ name: message });
  });

  it('refuses zero-width, bidi and other invisible characters, keeping emoji sequences', () => {
    const message =
      'Names cannot contain invisible or direction-changing characters, such as zero-width spaces.';
    for (const name of ['Firecrawl\u200B production', 'Prod\u202EUE', 'Pro\u00ADd', 'a\u2066b']) {
      expect(errorsOf(create(name, key)), JSON.stringify(name)).toEqual({ name: message });
    }
    expect(create('👩🏽‍💻 Data team', key).success).toBe(true);
  });

  it('refuses a name of more than 1,000 UTF-16 units before counting its characters', () => {
    // One character (an "e" with 1,000 combining accents), 1,001 units.
    expect(errorsOf(create(`e${'\u0301'.repeat(1000)}`, key))).toEqual({
      name: 'Use at most 100 characters.',
    });
    expect(errorsOf(create('x'.repeat(64 * 1024), key))).toEqual({
      name: 'Use at most 100 characters.',
    });
  });
});

describe('Authorization Name (editing or renaming)', () => {
  const schema = buildNameSchema(messages, { required: true });

  it('is required', () => {
    expect(schema.safeParse('').error?.issues[0]?.message).toBe('Enter a name.');
  });

  it('refuses whitespace only', () => {
    expect(schema.safeParse('  \n ').error?.issues[0]?.message).toBe('Enter a name.');
  });

  it('accepts a trimmed name of 1 to 100 characters', () => {
    expect(schema.safeParse(' x ').data).toBe('x');
    expect(schema.safeParse('x'.repeat(101)).success).toBe(false);
  });
});

describe('provider fields', () => {
  it('requires a required secret', () => {
    expect(errorsOf(create('', { firecrawl_api_key: '' }))).toEqual({
      'values.firecrawl_api_key': 'API Key is required.',
    });
  });

  it('treats a whitespace-only secret as missing', () => {
    expect(errorsOf(create('', { firecrawl_api_key: '  \n' }))).toEqual({
      'values.firecrawl_api_key': 'API Key is required.',
    });
  });

  it('trims whitespace around a secret', () => {
    const result = create('', { firecrawl_api_key: '  fc-123\n', base_url: '' });
    expect(result.data?.values).toEqual({ firecrawl_api_key: 'fc-123', base_url: '' });
  });

  it('refuses whitespace inside a secret', () => {
    const message = 'Remove the spaces or line breaks inside the value.';
    expect(errorsOf(create('', { firecrawl_api_key: 'fc 123' }))).toEqual({
      'values.firecrawl_api_key': message,
    });
    expect(errorsOf(create('', { firecrawl_api_key: 'fc-1\n23' }))).toEqual({
      'values.firecrawl_api_key': message,
    });
    expect(errorsOf(create('', { firecrawl_api_key: 'fc-1\t23' }))).toEqual({
      'values.firecrawl_api_key': message,
    });
  });

  it('refuses control and zero-width characters inside a secret', () => {
    const message = 'Remove the invisible or control characters from the value.';
    for (const secret of ['fc-12\u000034', 'fc-\u007F', 'fc-12\u200B34', 'fc-\u202E1']) {
      expect(errorsOf(create('', { firecrawl_api_key: secret })), JSON.stringify(secret)).toEqual({
        'values.firecrawl_api_key': message,
      });
    }
  });

  it('refuses the mask typed as a key', () => {
    expect(errorsOf(create('', { firecrawl_api_key: '********' }))).toEqual({
      'values.firecrawl_api_key': 'Enter the key itself, not the ******** placeholder.',
    });
  });

  it('refuses control characters in plain text fields', () => {
    const values = { firecrawl_api_key: 'fc', base_url: 'https://x.example/\u0000' };
    expect(errorsOf(create('', values))).toEqual({
      'values.base_url': 'Remove the invisible or control characters from the value.',
    });
  });

  it(`accepts a secret of ${VALUE_MAX_BYTES} bytes and refuses one more`, () => {
    expect(create('', { firecrawl_api_key: 'k'.repeat(VALUE_MAX_BYTES) }).success).toBe(true);
    expect(errorsOf(create('', { firecrawl_api_key: 'k'.repeat(VALUE_MAX_BYTES + 1) }))).toEqual({
      'values.firecrawl_api_key': 'This value is too long (at most 4096 bytes).',
    });
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    // 2,049 two-byte characters: under 4,096 characters, over 4,096 bytes.
    expect(create('', { firecrawl_api_key: 'é'.repeat(2049) }).success).toBe(false);
    expect(create('', { firecrawl_api_key: 'é'.repeat(2048) }).success).toBe(true);
  });

  it('limits plain text fields too', () => {
    const values = { firecrawl_api_key: 'fc', base_url: 'u'.repeat(VALUE_MAX_BYTES + 1) };
    expect(Object.keys(errorsOf(create('', values)))).toEqual(['values.base_url']);
  });

  it('lets an optional secret be empty', () => {
    expect(create('', { api_key: '' }, jina).success).toBe(true);
  });

  it('drops values that are not in the schema and reads missing ones as empty', () => {
    const result = create('', { firecrawl_api_key: 'fc', injected: 'x' });
    expect(result.data?.values).toEqual({ firecrawl_api_key: 'fc', base_url: '' });
  });

  it('reports every wrong field at once', () => {
    const result = create('a'.repeat(101), { firecrawl_api_key: 'a b', base_url: '' });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(['name', 'values.firecrawl_api_key']);
  });

  it('checks select values against the options and booleans by type', () => {
    const fields: FieldSchema[] = [
      {
        name: 'region',
        type: 'select',
        label: 'Region',
        required: true,
        options: [
          { value: 'eu', label: 'Europe' },
          { value: 'us', label: 'United States' },
        ],
      },
      { name: 'verbose', type: 'boolean', label: 'Verbose', required: false },
    ];
    const schema = buildFieldValuesSchema(fields, messages);
    expect(schema.safeParse({ region: 'eu', verbose: true }).success).toBe(true);
    expect(schema.safeParse({ region: 'mars', verbose: false }).error?.issues[0]?.message).toBe(
      'Choose one of the options.',
    );
    expect(schema.safeParse({ region: '', verbose: false }).error?.issues[0]?.message).toBe(
      'Region is required.',
    );
    expect(schema.safeParse({ region: 'eu', verbose: 'yes' }).success).toBe(false);
  });
});

describe('editing', () => {
  const schema = buildApiKeyFormSchema(firecrawl, messages, { mode: 'edit' });

  it('lets a blank secret keep the stored value', () => {
    const result = schema.safeParse({ name: 'Prod', values: { firecrawl_api_key: '' } });
    expect(result.success).toBe(true);
  });

  it('still checks a secret that is typed', () => {
    const result = schema.safeParse({ name: 'Prod', values: { firecrawl_api_key: 'a b' } });
    expect(errorsOf(result)).toEqual({
      'values.firecrawl_api_key': 'Remove the spaces or line breaks inside the value.',
    });
  });

  it('requires the name', () => {
    const result = schema.safeParse({ name: ' ', values: { firecrawl_api_key: '' } });
    expect(errorsOf(result)).toEqual({ name: 'Enter a name.' });
  });
});

describe('defaultFieldValues', () => {
  it('starts from the schema defaults', () => {
    const fields: FieldSchema[] = [
      ...firecrawl,
      {
        name: 'tenant_id',
        type: 'text',
        label: 'Tenant',
        required: false,
        default: 'organizations',
      },
      { name: 'verbose', type: 'boolean', label: 'Verbose', required: false, default: true },
    ];
    expect(defaultFieldValues(fields)).toEqual({
      firecrawl_api_key: '',
      base_url: '',
      tenant_id: 'organizations',
      verbose: true,
    });
  });

  it('takes stored values but never the stored secret (it is only a mask)', () => {
    expect(
      defaultFieldValues(firecrawl, { firecrawl_api_key: '********', base_url: 'https://x.dev' }),
    ).toEqual({ firecrawl_api_key: '', base_url: 'https://x.dev' });
  });
});
