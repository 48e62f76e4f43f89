/**
 * What verifying an API key with its provider can come to, and the pieces every provider's
 * verifier shares: the refusal wording, Retry-After, and making provider text safe to show.
 */
import type { OutboundFetch } from './outbound-fetch.ts';
import { OutboundRequestError } from './outbound-request-error.ts';

/**
 * The outcome of a verification:
 * - `accepted`: the provider accepted the key;
 * - `refused`: the provider refused it (a 422 `credential_rejected` with a field error on
 *   `field`), or the user-supplied address to verify against is unusable (`field` = `base_url`);
 * - `unavailable`: the provider could not say (down, rate-limited, timed out, unexpected answer):
 *   a retryable 502/503 `provider_unavailable`, nothing stored; `retryAfterSeconds` is the
 *   provider's Retry-After when it sent one, and `reason` tells a provider that is limiting
 *   requests (its 429: **Test** says so, and when to try again) from one that could not be
 *   reached or answered something else;
 * - `not_verifiable`: the provider has no API-key method or no verifier: store without checking.
 *
 * `providerMessage` is the provider's own explanation when it gave one: at most 500 characters,
 * control characters removed, and never containing the submitted secrets.
 */
export type VerificationResult =
  | { outcome: 'accepted' }
  | { outcome: 'refused'; field: string; message: string; providerMessage?: string }
  | {
      outcome: 'unavailable';
      reason: UnavailableReason;
      message: string;
      retryAfterSeconds: number | null;
      providerMessage?: string;
    }
  | { outcome: 'not_verifiable' };

/** Why a provider could not say: it is limiting requests (429), or anything else. */
export type UnavailableReason = 'rate_limited' | 'unreachable';

/** The values of an API-key credential, as submitted (secrets in clear, in memory only). */
export type CredentialValues = Readonly<Record<string, unknown>>;

/** What a verifier gets besides the values. */
export interface VerificationContext {
  /** The guarded outbound fetch: every request a verifier makes goes through it. */
  fetch: OutboundFetch;
  /** The provider's configured API base (the real one, or a stand-in in development and tests). */
  baseUrl: string;
  /** The clock Retry-After dates are read against. */
  now: () => Date;
  signal?: AbortSignal;
}

/** One provider's API-key verification: the request it makes and how it reads the answer. */
export interface ApiKeyVerifier {
  providerId: string;
  /** Its name as the messages say it, e.g. `Notion`. */
  displayName: string;
  verify(values: CredentialValues, context: VerificationContext): Promise<VerificationResult>;
}

/** The field error of a refused key (DESIGN.md §1). */
export const REFUSED_MESSAGE = 'The provider refused this key.';

/** How much provider-supplied text is kept (DESIGN.md §7). */
export const PROVIDER_TEXT_LIMIT = 500;

/** Reads a string value; anything else (missing, null, not a string) is the empty string. */
export function stringValue(values: CredentialValues, field: string): string {
  const value = values[field];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Provider text made safe to store or show: every submitted secret removed (so a provider that
 * echoes the key cannot make us repeat it), control and bidi-override characters dropped, and the
 * result cut to {@link PROVIDER_TEXT_LIMIT} characters. Undefined when nothing is left.
 */
export function safeProviderText(text: unknown, secrets: readonly string[]): string | undefined {
  if (typeof text !== 'string') return undefined;
  let cleaned = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) {
    cleaned = cleaned.split(secret).join('[redacted]');
  }
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  cleaned = cleaned.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
  if (cleaned === '') return undefined;
  // Cut by code points so a surrogate pair is never split.
  return Array.from(cleaned).slice(0, PROVIDER_TEXT_LIMIT).join('');
}

/**
 * Seconds to wait from a Retry-After header (delta-seconds or an HTTP date, against `now`), or
 * null when there is none or it does not parse. At most a day, so a wild value cannot park a
 * client for ever.
 */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    seconds = Math.ceil((date - now.getTime()) / 1000);
  }
  return Math.min(Math.max(seconds, 0), 86_400);
}

/** Reads a provider's JSON error body, or null when it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return null;
  }
}

/** `record[key]` when `record` is an object, else undefined. */
export function property(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

/** A refusal on `field`, with the provider's explanation when it gave one. */
export function refused(
  field: string,
  providerMessage?: string,
  message = REFUSED_MESSAGE,
): VerificationResult {
  return {
    outcome: 'refused',
    field,
    message,
    ...(providerMessage === undefined ? {} : { providerMessage }),
  };
}

/** The provider could not be reached, or did not answer in time: retry later. */
function unreachable(displayName: string, timedOut = false): VerificationResult {
  return {
    outcome: 'unavailable',
    reason: 'unreachable',
    message: timedOut
      ? `${displayName} did not answer in time to check the key. Try again in a moment.`
      : `${displayName} could not be reached to check the key. Try again in a moment.`,
    retryAfterSeconds: null,
  };
}

/**
 * The outcome for an answer that is neither acceptance nor refusal: 429 (`rate_limited`) and 503
 * carry the provider's Retry-After; anything else (5xx, an unexpected status) is plainly
 * unavailable. A 503 is `unreachable`, not `rate_limited`: the provider is down, not counting.
 */
export function unavailableFromResponse(
  displayName: string,
  response: Response,
  providerMessage: string | undefined,
  now: Date,
): VerificationResult {
  const rateLimited = response.status === 429;
  const retryAfter =
    rateLimited || response.status === 503
      ? retryAfterSeconds(response.headers.get('retry-after'), now)
      : null;
  const message = rateLimited
    ? `${displayName} is limiting requests right now. Try again in a moment.`
    : `${displayName} could not check the key right now. Try again in a moment.`;
  return {
    outcome: 'unavailable',
    reason: rateLimited ? 'rate_limited' : 'unreachable',
    message,
    retryAfterSeconds: retryAfter,
    ...(providerMessage === undefined ? {} : { providerMessage }),
  };
}

/**
 * Runs a verification request and hands the response to `read`; an {@link OutboundRequestError}
 * becomes `unavailable`, or what `onBlocked` says for a request the guard refused (a user-supplied
 * address). Any other error — the caller's abort included — propagates.
 */
export async function verifyWith(
  displayName: string,
  request: () => Promise<Response>,
  read: (response: Response) => Promise<VerificationResult>,
  onBlocked?: (error: OutboundRequestError) => VerificationResult | null,
): Promise<VerificationResult> {
  let response: Response;
  try {
    response = await request();
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error;
    return onBlocked?.(error) ?? unreachable(displayName, error.reason === 'timeout');
  }
  return read(response);
}

/** `path` under an API base that may carry a path prefix of its own (a stand-in's `/notion`). */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
