import { describe, expect, it } from 'vitest';
// Internal on purpose: the catalogs and their merge, which this file tests (only types are public).
import { en } from '../../src/i18n/en';
import { mergeMessages } from '../../src/i18n/messages';
import { zhHans } from '../../src/i18n/zh-hans';

function leafPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

/** Every leaf of a catalog with its path: strings, and message functions. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      leaves(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [[prefix, value]];
}

/**
 * Arguments for a message function: every parameter the same sample, so each kind of word a
 * sentence can hold (a Latin name, a Chinese one, a number) and a missing one are all tried.
 */
const samples: unknown[] = ['Notion', '团队知识库', 3, null];
function argumentsOf(sample: unknown) {
  return new Proxy({}, { get: (_, key) => (typeof key === 'string' ? sample : undefined) });
}

/** What a zh-Hans message says: a string as it is; a function called with each sample. */
function renderings(message: unknown): string[] {
  if (typeof message === 'string') return [message];
  if (typeof message !== 'function') return [];
  return samples.map((sample) => {
    const text = String(message(argumentsOf(sample)));
    // With every argument missing, the optional parts drop out; a required one still printed
    // ("null") stands for a Latin name there, the case a missing optional part leaves most often.
    return sample === null ? text.replaceAll('null', 'Notion') : text;
  });
}

const han = String.raw`\p{Script=Han}`;
const latin = '[A-Za-z0-9]';
/** ASCII punctuation touching a Chinese character: the sentence is Chinese, so it is full-width. */
const halfWidthPunctuation = new RegExp(`${han}[,.:;!?()]|[,.:;!?()]${han}`, 'u');
/** Chinese beside a Latin letter or digit without exactly one half-width space between them. */
const spacing = new RegExp(
  [
    `${han}${latin}`,
    `${latin}${han}`,
    `${han}(?: {2,}|[^\\S ]\\s*)${latin}`,
    `${latin}(?: {2,}|[^\\S ]\\s*)${han}`,
  ].join('|'),
  'u',
);
/** Addresses keep their own punctuation. */
const withoutUrls = (text: string) => text.replace(/https?:\/\/\S+/g, 'URL');

describe('message catalogs', () => {
  it('zh-Hans: full-width punctuation in Chinese sentences, one space between Chinese and Latin', () => {
    const problems = leaves(zhHans).flatMap(([path, message]) =>
      renderings(message)
        .map(withoutUrls)
        .flatMap((text) => {
          const found: string[] = [];
          if (halfWidthPunctuation.test(text))
            found.push(`${path}: half-width punctuation in “${text}”`);
          if (spacing.test(text)) found.push(`${path}: spacing in “${text}”`);
          return found;
        }),
    );
    expect([...new Set(problems)]).toEqual([]);
  });

  it('the zh-Hans rule itself catches what it is about', () => {
    expect(halfWidthPunctuation.test('请填写 API 密钥.')).toBe(true);
    expect(halfWidthPunctuation.test('Notion (默认)')).toBe(true);
    expect(halfWidthPunctuation.test('请填写 API 密钥。')).toBe(false);
    expect(spacing.test('请填写API密钥。')).toBe(true);
    expect(spacing.test('请填写  API 密钥。')).toBe(true);
    expect(spacing.test('共3个')).toBe(true);
    expect(spacing.test('已连接 · Google Drive')).toBe(false);
    expect(spacing.test('请填写 API 密钥。')).toBe(false);
    expect(halfWidthPunctuation.test(withoutUrls('见 https://example.com/a.b?c=1 了解'))).toBe(
      false,
    );
  });

  it('zh-Hans translates every English message', () => {
    const english = leafPaths(en);
    const chinese = new Set(leafPaths(zhHans));
    expect(english.filter((path) => !chinese.has(path))).toEqual([]);
  });

  it('zh-Hans has no message English lacks (a typo would silently never show)', () => {
    const english = new Set(leafPaths(en));
    expect(leafPaths(zhHans).filter((path) => !english.has(path))).toEqual([]);
  });

  it('host overrides replace single messages and keep the rest', () => {
    const merged = mergeMessages(en, { common: { retry: 'Retry now' } });
    expect(merged.common.retry).toBe('Retry now');
    expect(merged.common.cancel).toBe(en.common.cancel);
    expect(merged.canvas.state.connected({ name: 'Work' })).toBe('Connected · Work');
  });
});
