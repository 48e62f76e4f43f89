/**
 * Why an outbound request to a provider did not produce a response the server may use:
 * - `invalid_url`: the URL does not parse, or carries credentials (`user:pass@`);
 * - `blocked_scheme`: not `https:` (plain `http:` only for an allowlisted host:port);
 * - `blocked_address`: the host is, or resolves to, a private, loopback, link-local, metadata or
 *   otherwise non-public address (checked up front for IP literals and again at connect time);
 * - `redirect`: the server answered 3xx (redirects are never followed);
 * - `timeout`: connecting, the response headers or the whole exchange took too long;
 * - `too_large`: the response body exceeded the size cap;
 * - `network`: anything else between us and the provider (DNS failure, refused, reset, TLS).
 */
export type OutboundRequestErrorReason =
  | 'invalid_url'
  | 'blocked_scheme'
  | 'blocked_address'
  | 'redirect'
  | 'timeout'
  | 'too_large'
  | 'network';

/**
 * The one error the outbound fetch throws (besides the caller's own abort reason). Its message
 * names at most the host, never a path, query, header or body, so it is safe to log.
 */
export class OutboundRequestError extends Error {
  readonly reason: OutboundRequestErrorReason;

  constructor(reason: OutboundRequestErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutboundRequestError';
    this.reason = reason;
  }
}
