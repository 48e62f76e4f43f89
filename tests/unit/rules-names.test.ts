import { describe, expect, it } from 'vitest';
// Internal on purpose: the shared rules (client, mock and server), which this file tests.
import {
  checkName,
  NAME_MAX_CHARACTERS,
  NAME_MAX_CODE_UNITS,
  nameKey,
  numberedName,
  sameName,
  suffixedName,
} from '../../src/rules/names';
import { countCharacters } from '../../src/rules/characters';

const code = (input: string, options?: { required?: boolean }) =>
  checkName(input, options).problem?.code ?? null;

describe('checkName', () => {
  it('trims, and returns the name to store', () => {
    expect(checkName('  Production \t')).toEqual({ name: 'Production', problem: null });
  });

  it('lets an empty name through unless it is required', () => {
    expect(checkName('   ')).toEqual({ name: '', problem: null });
    expect(checkName('   ', { required: true }).problem).toEqual({
      code: 'name_required',
      message: 'Enter a name.',
    });
  });

  it(`accepts ${NAME_MAX_CHARACTERS} characters and refuses one more, with the limit`, () => {
    expect(code('a'.repeat(NAME_MAX_CHARACTERS))).toBeNull();
    expect(checkName('a'.repeat(NAME_MAX_CHARACTERS + 1)).problem).toEqual({
      code: 'name_too_long',
      message: 'Use at most 100 characters.',
      max: 100,
    });
    expect(code('👨‍👩‍👧'.repeat(NAME_MAX_CHARACTERS))).toBeNull();
    expect(code('🇨🇳'.repeat(NAME_MAX_CHARACTERS + 1))).toBe('name_too_long');
  });

  it(`refuses more than ${NAME_MAX_CODE_UNITS} code units before counting characters`, () => {
    // One character with 999 / 1,000 combining accents: 1,000 / 1,001 code units.
    expect(code(`e${'\u0301'.repeat(NAME_MAX_CODE_UNITS - 1)}`)).toBeNull();
    expect(code(`e${'\u0301'.repeat(NAME_MAX_CODE_UNITS)}`)).toBe('name_too_long');
    // Long enough that counting its characters the old way took seconds and hundreds of MB.
    expect(code('x'.repeat(64 * 1024))).toBe('name_too_long');
    expect(code(' '.repeat(NAME_MAX_CODE_UNITS + 1))).toBe('name_too_long');
  });

  it.each([
    ['a line break', 'a\nb'],
    ['a tab inside', 'a\tb'],
    ['NUL', 'a\u0000'],
    ['DEL', 'a\u007F'],
    ['a C1 control', 'a\u0085b'],
    ['a line separator', 'a\u2028b'],
    ['a paragraph separator', 'a\u2029b'],
    ['a lone high surrogate', 'a\uD83Db'],
    ['a lone low surrogate', 'a\uDE00'],
  ])('refuses %s as a control character', (_label, name) => {
    expect(code(name)).toBe('name_control_character');
  });

  it.each([
    ['a zero-width space', 'Firecrawl\u200B production'],
    ['a zero-width non-joiner in Latin', 'Fire\u200Ccrawl'],
    ['a zero-width joiner between letters of Latin', 'Fire\u200Dcrawl'],
    ['a zero-width joiner at the end of an emoji', '👍\u200D'],
    ['a word joiner', 'a\u2060b'],
    ['a soft hyphen', 'a\u00ADb'],
    ['a byte-order mark inside', 'a\uFEFFb'],
    ['a left-to-right mark', 'a\u200Eb'],
    ['a right-to-left mark', 'a\u200Fb'],
    ['an Arabic letter mark', 'a\u061Cb'],
    ['a left-to-right embedding', 'a\u202Ab'],
    ['a right-to-left override', 'a\u202Eb'],
    ['a first-strong isolate', 'a\u2068b\u2069'],
    ['a tag character without a flag', 'a\u{E0067}b'],
    ['an interlinear annotation', 'a\uFFF9b'],
    ['a Mongolian vowel separator', 'a\u180Eb'],
  ])('refuses %s as an invisible character', (_label, name) => {
    expect(checkName(name).problem).toEqual({
      code: 'name_invisible_character',
      message: expect.stringContaining('invisible'),
    });
  });

  it.each([
    ['a family emoji', '👨‍👩‍👧‍👦'],
    ['a profession emoji with a skin tone', '👩🏽‍💻'],
    ['a flag with a variation selector and a joiner', '🏳️‍🌈'],
    ['a kiss', '👩‍❤️‍💋‍👨'],
    ['a subdivision flag', '🏴󠁧󠁢󠁥󠁮󠁧󠁿'],
    ['Persian with a zero-width non-joiner', 'می‌خواهم'],
    ['Devanagari with a zero-width joiner', 'क्‍ष'],
    ['Hebrew', 'מפתח'],
    ['Arabic', 'مفتاح الإنتاج'],
    ['markup', 'Prod <EU> & "live"'],
    ['combining accents', 'Cafe\u0301'],
  ])('keeps %s', (_label, name) => {
    expect(checkName(name)).toEqual({ name, problem: null });
  });
});

describe('nameKey and sameName', () => {
  it.each([
    ['case', 'Production', 'PRODUCTION'],
    ['full width', 'Firecrawl production', 'Ｆｉｒｅｃｒａｗｌ ｐｒｏｄｕｃｔｉｏｎ'],
    ['ß and ss', 'Straße', 'STRASSE'],
    ['ẞ and ß', 'STRAẞE', 'straße'],
    ['final sigma', 'ΟΔΟΣ', 'οδος'],
    ['composed and decomposed', 'Caf\u00E9', 'Cafe\u0301'],
    ['a ligature', 'ﬁle', 'FILE'],
    ['a no-break space', 'a b', 'a\u00A0b'],
    ['an ideographic space', 'a b', 'a\u3000b'],
    ['runs of spaces', 'a b', 'a   b'],
    ['superscript digits', 'Key 2', 'Key ²'],
  ])('treats names differing by %s as the same', (_label, a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
    expect(sameName(a, b)).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(sameName('Production', 'Production 2')).toBe(false);
    expect(sameName('résumé', 'resume')).toBe(false);
    expect(sameName('Prod', 'Prod.')).toBe(false);
  });
});

describe('numberedName and suffixedName', () => {
  it('pick the first free name, comparing by nameKey', () => {
    expect(numberedName('Firecrawl API key', [])).toBe('Firecrawl API key');
    expect(numberedName('Firecrawl API key', ['FIRECRAWL API KEY', 'Firecrawl API key 2'])).toBe(
      'Firecrawl API key 3',
    );
    expect(suffixedName('ada@example.com', ['Ａda@example.com'])).toBe('ada@example.com (2)');
  });
});

describe('countCharacters', () => {
  it('counts grapheme clusters, and stops once past the limit', () => {
    expect(countCharacters('👍🏽é')).toBe(2);
    expect(countCharacters('x'.repeat(50_000), 100)).toBe(101);
  });
});
