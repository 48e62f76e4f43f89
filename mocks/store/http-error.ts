import type { CredentialsErrorBody } from '../../src/credentials/credentials-error';

/**
 * The error envelope's payload: the contract's `ErrorBody` under the client's name for it,
 * `CredentialsErrorBody` (its known codes spelled out), so the mock's public signatures name a
 * type hosts can import rather than the generated contract types.
 */
export type ErrorBody = CredentialsErrorBody;

/**
 * A refusal the mock server answers with: the store throws it where a real server would
 * answer an error status, and the handlers turn it into the contract's error envelope.
 */
export class MockHttpError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  /** Headers the answer carries besides the defaults, e.g. `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, body: ErrorBody, headers: Record<string, string> = {}) {
    super(body.message);
    this.name = 'MockHttpError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** 400 with a specific code, e.g. `method_not_supported`. */
export function badRequest(message: string, code = 'bad_request'): MockHttpError {
  return new MockHttpError(400, { code, message, retryable: false });
}

/** 404 for a provider, credential or flow that does not exist. */
export function notFound(message: string): MockHttpError {
  return new MockHttpError(404, { code: 'not_found', message, retryable: false });
}

/** 409, e.g. `duplicate_name` (with the name's field error) or `oauth_client_required`. */
export function conflict(
  code: string,
  message: string,
  fieldErrors?: Record<string, string>,
): MockHttpError {
  return new MockHttpError(409, {
    code,
    message,
    retryable: false,
    ...(fieldErrors ? { fieldErrors } : {}),
  });
}

/** 422 with the message for each invalid input. */
export function validationFailed(fieldErrors: Record<string, string>): MockHttpError {
  return new MockHttpError(422, {
    code: 'validation_failed',
    message: 'Some fields need attention.',
    fieldErrors,
    retryable: false,
  });
}
