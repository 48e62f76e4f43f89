import type { components } from './api-types';
import {
  CredentialsError,
  type CredentialsErrorBody,
  type CredentialsErrorCode,
} from './credentials-error';
import { isRecord } from './response-shapes';

type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

/**
 * The CredentialsError a failed response stands for: the contract's envelope when the body is
 * one, otherwise a code and a retryable flag read from the status (a proxy's HTML error page, a
 * bare 502), with `Retry-After` either way.
 */
export function errorFromResponse(response: Response, body: unknown): CredentialsError {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (isErrorEnvelope(body)) {
    const { code, message, fieldErrors, retryable } = body.error;
    const payload: CredentialsErrorBody = { code, message, retryable };
    if (fieldErrors !== undefined) payload.fieldErrors = fieldErrors;
    return new CredentialsError(response.status, payload, { retryAfterSeconds });
  }
  return new CredentialsError(
    response.status,
    {
      code: codeForStatus(response.status),
      message: `The credentials service answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      retryable: RETRYABLE_STATUSES.has(response.status),
    },
    { retryAfterSeconds },
  );
}

/** Statuses where the same request may well succeed later, when the body does not say. */
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

function codeForStatus(status: number): CredentialsErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 412:
      return 'version_conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'validation_failed';
    case 428:
      return 'precondition_required';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server_error' : 'http_error';
  }
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  const { code, message, retryable, fieldErrors } = value.error;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    typeof retryable === 'boolean' &&
    (fieldErrors === undefined ||
      (isRecord(fieldErrors) &&
        Object.values(fieldErrors).every((text) => typeof text === 'string')))
  );
}
