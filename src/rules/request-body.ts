/**
 * The limits on request bodies: JSON only, at most 64 KB. One definition for the mock backend
 * and the reference server; the contract states them (`contract/openapi.yaml`, "Hardening").
 */
import type { RuleProblem } from './problem';

/** The largest request body accepted, in bytes (64 KB). */
export const BODY_MAX_BYTES = 65_536;

/**
 * Checks a body's size: from its `Content-Length` header before reading it (`bytes` a string
 * or null), and again from the bytes actually read (a number), since a header may be absent or
 * wrong. `null` when the size is within {@link BODY_MAX_BYTES}.
 */
export function checkBodySize(
  bytes: number | string | null,
): RuleProblem<'payload_too_large'> | null {
  const size = typeof bytes === 'string' ? Number(bytes.trim()) : bytes;
  if (size === null || !Number.isFinite(size) || size <= BODY_MAX_BYTES) return null;
  return { code: 'payload_too_large', message: 'The request is too large (at most 64 KB).' };
}

/**
 * Checks the `Content-Type` of a request that carries a body: the media type must be
 * `application/json` (any case; parameters such as `charset` are ignored, as RFC 8259 says a
 * recipient does: JSON is UTF-8), nothing else. `text/plain` and the form encodings are what a
 * cross-site HTML form can send without a preflight, so refusing them keeps such forms from
 * changing anything; a missing type is refused too.
 */
export function checkJsonMediaType(
  contentType: string | null,
): RuleProblem<'unsupported_media_type'> | null {
  const essence = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (essence === 'application/json') return null;
  return { code: 'unsupported_media_type', message: 'Send the request body as application/json.' };
}
