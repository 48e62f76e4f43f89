/**
 * The `Idempotency-Key` rules of creates: what a key may look like, how long a backend
 * remembers it, and what "the same body" means.
 */
import type { RuleProblem } from './problem';

/** How long a backend remembers a key (per caller and provider): 24 hours. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** Checks a key as the contract defines it: 1–255 visible ASCII characters (a UUID fits). */
export function checkIdempotencyKey(key: string): RuleProblem<'bad_request'> | null {
  if (/^[\x21-\x7E]{1,255}$/.test(key)) return null;
  return {
    code: 'bad_request',
    message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.',
  };
}

/**
 * The canonical text of a request body for comparing repeats: JSON with object keys sorted, so
 * `{"name":…,"values":…}` and `{"values":…,"name":…}` are the same body. It holds the secrets
 * the body holds: hash it before keeping it (the mock keeps its SHA-256).
 */
export function idempotencyFingerprint(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
