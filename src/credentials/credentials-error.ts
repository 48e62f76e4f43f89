/**
 * Machine-readable reasons a backend call failed. `network_error` means no response at all;
 * `invalid_response` a success whose body is not what the contract promises (not JSON, or the
 * wrong shape). The backend's own codes (see the contract's `ErrorBody`) come through as sent.
 */
export type CredentialsErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'duplicate_name'
  | 'version_conflict'
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'invalid_response'
  | (string & {});

/** The error envelope's payload, as the contract defines it. */
export interface CredentialsErrorBody {
  code: CredentialsErrorCode;
  message: string;
  /** Field name → message, for errors that belong to one input. */
  fieldErrors?: Record<string, string>;
  retryable: boolean;
}

/**
 * The one error type every `CredentialsBackend` rejects with, so the UI can say what happened
 * and whether trying again helps. `status` is the HTTP status, or 0 when no response came back
 * (including a call refused before sending, such as an id that cannot go into a path).
 */
export class CredentialsError extends Error {
  readonly status: number;
  readonly code: CredentialsErrorCode;
  readonly fieldErrors: Record<string, string>;
  readonly retryable: boolean;
  /** Seconds to wait before retrying (from `Retry-After`), when the backend said. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    body: CredentialsErrorBody,
    options: { retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(body.message, { cause: options.cause });
    this.name = 'CredentialsError';
    this.status = status;
    this.code = body.code;
    this.fieldErrors = body.fieldErrors ?? {};
    this.retryable = body.retryable;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/** Narrows an unknown rejection to a {@link CredentialsError}. */
export function isCredentialsError(error: unknown): error is CredentialsError {
  return error instanceof CredentialsError;
}
