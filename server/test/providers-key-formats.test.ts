/**
 * The providers' real key formats: the rule the stand-in provider APIs (and the MSW mock) accept
 * keys by, so both backends agree on which keys work.
 */
import { describe, expect, it } from 'vitest';
import {
  exampleProviderKey,
  keyFormatProblem,
  providerKeyFormats,
  standInFailureMarkers,
  standInKeyBehaviour,
  type StandInKeyBehaviour,
} from '../../src/rules/provider-key-formats.ts';

const alnum = (length: number) => 'aB3'.repeat(length).slice(0, length);
const hex = (length: number) => '0f9e'.repeat(length).slice(0, length);

describe('keyFormatProblem', () => {
  it.each([
    ['notion', 'integration_secret', `ntn_${alnum(46)}`],
    ['notion', 'integration_secret', `secret_${alnum(43)}`],
    ['firecrawl', 'firecrawl_api_key', `fc-${hex(32)}`],
    ['jina-reader', 'api_key', `jina_${hex(32)}${alnum(28)}`],
    ['jina-reader', 'api_key', `jina_${hex(32)}aZ_9-${alnum(23)}`],
    ['jina-reader', 'api_key', `jina_${alnum(50)}`],
    ['jina-reader', 'api_key', `jina_${alnum(70)}`],
  ])('accepts a real %s key (%s)', (providerId, field, value) => {
    expect(keyFormatProblem(providerId, field, value)).toBeNull();
  });

  it.each([
    ['notion', 'integration_secret', `ntn_${alnum(45)}`],
    ['notion', 'integration_secret', `ntn_${alnum(47)}`],
    ['notion', 'integration_secret', `ntn_${alnum(45)}-`],
    ['notion', 'integration_secret', `secret_${alnum(46)}`],
    ['notion', 'integration_secret', `NTN_${alnum(46)}`],
    ['notion', 'integration_secret', ` ntn_${alnum(46)}`],
    ['notion', 'integration_secret', `fc-${hex(32)}`],
    ['firecrawl', 'firecrawl_api_key', `fc-${hex(31)}`],
    ['firecrawl', 'firecrawl_api_key', `fc-${hex(33)}`],
    ['firecrawl', 'firecrawl_api_key', `fc-${hex(31)}A`],
    ['firecrawl', 'firecrawl_api_key', `fc-${hex(31)}g`],
    ['firecrawl', 'firecrawl_api_key', hex(32)],
    ['jina-reader', 'api_key', `jina_${alnum(49)}`],
    ['jina-reader', 'api_key', `jina_${alnum(71)}`],
    ['jina-reader', 'api_key', `jina_${alnum(59)}!`],
    ['jina-reader', 'api_key', `jina-${alnum(60)}`],
  ])('refuses a malformed %s key (%s: %s)', (providerId, field, value) => {
    expect(keyFormatProblem(providerId, field, value)).toMatch(/\w/);
  });

  it('leaves empty values to the field validation, and fields without a format alone', () => {
    expect(keyFormatProblem('notion', 'integration_secret', '')).toBeNull();
    expect(keyFormatProblem('firecrawl', 'base_url', 'https://api.firecrawl.dev')).toBeNull();
    expect(keyFormatProblem('google-drive', 'client_secret', 'anything')).toBeNull();
  });

  it('describes the format in the problem', () => {
    expect(keyFormatProblem('firecrawl', 'firecrawl_api_key', 'fc-1')).toContain('fc-');
    expect(keyFormatProblem('notion', 'integration_secret', 'x')).toContain('ntn_');
  });
});

describe('the stand-ins behaviour by key', () => {
  const behaviours: StandInKeyBehaviour[] = [
    'accept',
    'refuse',
    'outage',
    'rate_limited',
    'server_error',
    'hang',
    'redirect',
  ];

  it.each(providerKeyFormats.map((format) => [format.providerId, format.fieldName]))(
    'builds a %s key for every behaviour, well-formed unless refused',
    (providerId, field) => {
      for (const behaviour of behaviours) {
        const key = exampleProviderKey(providerId, behaviour);
        expect(standInKeyBehaviour(providerId, field, key)).toBe(behaviour);
        expect(keyFormatProblem(providerId, field, key) === null).toBe(behaviour !== 'refuse');
      }
    },
  );

  it('refuses empty and malformed keys, and only a marker at the start of the tail counts', () => {
    expect(standInKeyBehaviour('notion', 'integration_secret', '')).toBe('refuse');
    expect(standInKeyBehaviour('firecrawl', 'firecrawl_api_key', 'fc-dead0503')).toBe('refuse');
    const markerLater = `fc-0${standInFailureMarkers.outage}${hex(23)}`;
    expect(standInKeyBehaviour('firecrawl', 'firecrawl_api_key', markerLater)).toBe('accept');
  });

  it('has no example key for a provider without an API key', () => {
    expect(() => exampleProviderKey('google-drive')).toThrow();
  });
});
