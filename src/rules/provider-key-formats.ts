/**
 * The real formats of the providers' API keys, written once for everyone who needs them: the
 * reference server's stand-in provider APIs accept exactly these keys (and answer 401 otherwise),
 * and the MSW mock applies the same rule, so a key the mock accepts is a key the stand-ins accept.
 *
 * These formats are never used to refuse a key before asking the real provider: a provider may
 * change its format, and only its answer says whether a key works.
 *
 * Pure TypeScript without Node or DOM APIs, because the browser mock imports it too.
 */

/** One accepted shape of a key: a fixed prefix followed by a tail matching `tail`. */
export interface ProviderKeyVariant {
  /** The literal prefix, e.g. `ntn_`. */
  prefix: string;
  /** The whole rest of the key after the prefix. */
  tail: RegExp;
}

/** The format of one provider's API key field. */
export interface ProviderKeyFormat {
  providerId: string;
  /** The API key field that holds the key, e.g. `integration_secret`. */
  fieldName: string;
  /** The shapes a real key has; a key matching any of them is well-formed. */
  variants: readonly ProviderKeyVariant[];
  /** What a well-formed key looks like, in words (shown when a key does not match). */
  problem: string;
}

/**
 * The providers' real key formats:
 * - Notion internal integration secrets: `ntn_` + 46 letters and digits (current), or the legacy
 *   `secret_` + 43 letters and digits.
 * - Firecrawl: `fc-` + 32 lowercase hexadecimal digits.
 * - Jina: `jina_` + a tail of about 60 letters and digits (real keys: 32 lowercase hex digits then
 *   28 mixed-case characters, some with `_` or `-`); 50–70 characters of those are accepted so a
 *   slightly different generation of keys still passes.
 */
export const providerKeyFormats: readonly ProviderKeyFormat[] = [
  {
    providerId: 'notion',
    fieldName: 'integration_secret',
    variants: [
      { prefix: 'ntn_', tail: /^[A-Za-z0-9]{46}$/ },
      { prefix: 'secret_', tail: /^[A-Za-z0-9]{43}$/ },
    ],
    problem:
      'A Notion integration secret is ntn_ followed by 46 letters and digits (or, for older integrations, secret_ followed by 43).',
  },
  {
    providerId: 'firecrawl',
    fieldName: 'firecrawl_api_key',
    variants: [{ prefix: 'fc-', tail: /^[0-9a-f]{32}$/ }],
    problem: 'A Firecrawl API key is fc- followed by 32 lowercase hexadecimal digits.',
  },
  {
    providerId: 'jina-reader',
    fieldName: 'api_key',
    variants: [{ prefix: 'jina_', tail: /^[A-Za-z0-9_-]{50,70}$/ }],
    problem: 'A Jina API key is jina_ followed by about 60 letters and digits.',
  },
];

function formatOf(providerId: string, fieldName: string): ProviderKeyFormat | undefined {
  return providerKeyFormats.find(
    (format) => format.providerId === providerId && format.fieldName === fieldName,
  );
}

function tailOf(format: ProviderKeyFormat, value: string): string | null {
  for (const variant of format.variants) {
    if (value.startsWith(variant.prefix)) {
      const tail = value.slice(variant.prefix.length);
      if (variant.tail.test(tail)) return tail;
    }
  }
  return null;
}

/**
 * Why `value` is not a well-formed key for the provider's field, or null when it is well-formed
 * or when the field has no known format (e.g. Firecrawl's `base_url`). An empty value is the field
 * validation's business (required or not), so it is never a format problem here.
 */
export function keyFormatProblem(
  providerId: string,
  fieldName: string,
  value: string,
): string | null {
  if (value === '') return null;
  const format = formatOf(providerId, fieldName);
  if (!format) return null;
  return tailOf(format, value) === null ? format.problem : null;
}

/**
 * How the stand-in provider APIs (and the mock) answer a verification request made with a key:
 * `accept`, `refuse` (the provider's 401), or a simulated failure of the provider.
 */
export type StandInKeyBehaviour =
  'accept' | 'refuse' | 'outage' | 'rate_limited' | 'server_error' | 'hang' | 'redirect';

/** A simulated provider failure, i.e. a behaviour other than accepting or refusing the key. */
export type StandInFailure = Exclude<StandInKeyBehaviour, 'accept' | 'refuse'>;

/**
 * Well-formed keys whose tail (the part after the prefix) starts with one of these markers make
 * the stand-ins simulate a failure instead of accepting the key:
 * `dead0503` → 503 with Retry-After (an outage), `dead0429` → 429 with Retry-After,
 * `dead0500` → 500, `dead0408` → never answers (until the client gives up),
 * `dead0302` → a redirect to a metadata address (which a client must never follow).
 * The markers are lowercase hexadecimal so they fit every provider's format, Firecrawl's included,
 * and they can be typed into the UI to see each failure end to end.
 */
export const standInFailureMarkers: Readonly<Record<StandInFailure, string>> = {
  outage: 'dead0503',
  rate_limited: 'dead0429',
  server_error: 'dead0500',
  hang: 'dead0408',
  redirect: 'dead0302',
};

/**
 * What the stand-in of `providerId` does when verifying `value` in `fieldName`: a key that is not
 * well-formed (or is empty) is refused; a well-formed key is accepted unless its tail starts with
 * a failure marker (see {@link standInFailureMarkers}). Fields without a known format are accepted.
 */
export function standInKeyBehaviour(
  providerId: string,
  fieldName: string,
  value: string,
): StandInKeyBehaviour {
  const format = formatOf(providerId, fieldName);
  if (!format) return 'accept';
  const tail = tailOf(format, value);
  if (tail === null) return 'refuse';
  for (const [failure, marker] of Object.entries(standInFailureMarkers)) {
    if (tail.startsWith(marker)) return failure as StandInFailure;
  }
  return 'accept';
}

/**
 * A key in the provider's real format that makes the stand-ins behave as asked: for `accept` or a
 * failure, a well-formed key (with the failure's marker); for `refuse`, a key with the right prefix
 * and the wrong shape. Deterministic, so tests and stories can name the same key. Throws for a
 * provider without a key format.
 */
export function exampleProviderKey(
  providerId: string,
  behaviour: StandInKeyBehaviour = 'accept',
): string {
  const format = providerKeyFormats.find((candidate) => candidate.providerId === providerId);
  const variant = format?.variants[0];
  if (!variant) throw new Error(`No key format is known for the provider "${providerId}".`);
  if (behaviour === 'refuse') return `${variant.prefix}not-a-real-key`;
  const marker = behaviour === 'accept' ? '' : standInFailureMarkers[behaviour];
  // The filler is lowercase hexadecimal, which every format accepts; its length is found by
  // trying, so a format's exact length lives only in its pattern.
  const filler = '0123456789abcdef'.repeat(8);
  for (let length = 1; length <= filler.length; length += 1) {
    const tail = `${marker}${filler}`.slice(0, Math.max(length, marker.length));
    if (variant.tail.test(tail)) return `${variant.prefix}${tail}`;
  }
  throw new Error(`No example key can be built for the provider "${providerId}".`);
}
