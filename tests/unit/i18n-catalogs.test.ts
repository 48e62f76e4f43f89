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

describe('message catalogs', () => {
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
