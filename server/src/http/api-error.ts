/**
 * The one error the server's layers throw to answer with the contract's error envelope. Anything
 * else that escapes a handler is a bug: it is logged and answered as a bare 500, never with its
 * message or stack.
 */
export interface ErrorBody {
  code: string;
  message: string;
  fieldErrors?: Record<string, string>;
  retryable: boolean;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: ErrorBody, headers: Record<string, string> = {}) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export const badRequest = (message: string, code = 'bad_request') =>
  new ApiError(400, { code, message, retryable: false });

export const notFound = (message: string) =>
  new ApiError(404, { code: 'not_found', message, retryable: false });

export const conflict = (code: string, message: string, fieldErrors?: Record<string, string>) =>
  new ApiError(409, { code, message, retryable: false, ...(fieldErrors && { fieldErrors }) });

export const validationFailed = (
  fieldErrors: Record<string, string>,
  message = 'Check the highlighted fields.',
  code = 'validation_failed',
) => new ApiError(422, { code, message, fieldErrors, retryable: false });

export const preconditionFailed = () =>
  new ApiError(412, {
    code: 'version_conflict',
    message: 'This credential was changed elsewhere. Reload it and try again.',
    retryable: false,
  });

export const preconditionRequired = () =>
  new ApiError(428, {
    code: 'precondition_required',
    message: 'Send the credential version in If-Match.',
    retryable: false,
  });

/** The envelope every error response carries. */
export function errorEnvelope(body: ErrorBody): { error: ErrorBody } {
  return { error: body };
}
