/**
 * OAuth authorization flows. This part of the reference server is not built yet (the real client
 * — oauth4webapi against the providers and the oidc-provider stand-in — is the next issue):
 * until then every flow operation answers a retryable 503 that says so, which the UI shows as an
 * outage of the OAuth service rather than pretending a flow happened.
 */
import type { OAuthCallbackInput, OAuthFlowStatus } from '../../../src/credentials/backend';
import { ApiError } from '../http/api-error';
import type { OperationRequest } from '../http/contract-router';
import { requireOAuth, requireProvider } from './catalog';
import type { Caller } from './credential-service';

export interface OAuthFlowService {
  start(
    request: OperationRequest,
    providerId: string,
    input: { credentialId?: string },
  ): Promise<Response>;
  get(caller: Caller, flowId: string): Promise<OAuthFlowStatus>;
  cancel(caller: Caller, flowId: string): Promise<OAuthFlowStatus>;
  complete(request: OperationRequest, input: OAuthCallbackInput): Promise<Response>;
}

const unavailable = () =>
  new ApiError(
    503,
    {
      code: 'oauth_unavailable',
      message: 'Connecting with OAuth is not available on this server yet.',
      retryable: true,
    },
    { 'Retry-After': '3600' },
  );

/** The flow service of a server without an OAuth client: every call is a 503. */
export function createUnavailableOAuthFlows(): OAuthFlowService {
  return {
    async start(_request, providerId) {
      requireOAuth(requireProvider(providerId));
      throw unavailable();
    },
    async get() {
      throw unavailable();
    },
    async cancel() {
      throw unavailable();
    },
    async complete() {
      throw unavailable();
    },
  };
}
