/**
 * One handler per contract operation: each reads what the router already validated, calls a
 * domain service and answers with the contract's status and body. Typed by the contract's
 * generated types, so a drift between the contract and a handler fails type-checking.
 */
import type { operations } from '../../../src/credentials/api-types';
import type { CredentialService } from '../domain/credential-service';
import type { OAuthClientService } from '../domain/oauth-client-service';
import type { OAuthFlowService } from '../domain/oauth-flow-service';
import type { ServiceTokenAuthenticator, TokenService } from '../domain/token-service';
import { catalogProviders, providerView } from '../domain/catalog';
import { ApiError } from './api-error';
import type { OperationHandler, OperationRequest } from './contract-router';

type OperationId = keyof operations;
type JsonBody<Id extends OperationId> = operations[Id] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export interface Services {
  credentials: CredentialService;
  oauthClients: OAuthClientService;
  oauthFlows: OAuthFlowService;
  tokens: TokenService;
  /** Tells the token endpoint's service principals from browser sessions. */
  serviceTokens: Pick<ServiceTokenAuthenticator, 'isServicePrincipal'>;
}

const json = (status: number, body: unknown) => Response.json(body, { status });
const empty = () => new Response(null, { status: 204 });
const caller = (request: OperationRequest) => ({
  principal: request.principal,
  requestId: request.requestId,
});
/** The body the router validated against the operation's schema. */
const bodyOf = <Id extends OperationId>(request: OperationRequest) =>
  (request.body ?? {}) as JsonBody<Id>;
const param = (request: OperationRequest, name: string) => request.params[name] ?? '';

export function createOperationHandlers(services: Services): Record<OperationId, OperationHandler> {
  const { credentials, oauthClients, oauthFlows, tokens, serviceTokens } = services;
  return {
    async listProviders(request) {
      const providers = await Promise.all(
        catalogProviders().map(async (provider) =>
          providerView(
            provider,
            provider.oauth
              ? await oauthClients.clientMode(request.principal.tenantId, provider)
              : 'none',
          ),
        ),
      );
      return json(200, { providers });
    },

    async listCredentials(request) {
      const providerId = request.query.providerId;
      const body = await credentials.listBody(caller(request), providerId);
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    },

    async createApiKeyCredential(request) {
      const body = bodyOf<'createApiKeyCredential'>(request);
      const credential = await credentials.createApiKey(
        caller(request),
        param(request, 'providerId'),
        body,
        request.headers.get('idempotency-key'),
      );
      return json(201, credential);
    },

    async updateCredential(request) {
      const credential = await credentials.update(
        caller(request),
        param(request, 'credentialId'),
        request.headers.get('if-match'),
        bodyOf<'updateCredential'>(request),
      );
      return json(200, credential);
    },

    async verifyApiKeyDraft(request) {
      const { values } = bodyOf<'verifyApiKeyDraft'>(request);
      return json(
        200,
        await credentials.verifyDraft(caller(request), param(request, 'providerId'), values),
      );
    },

    async verifyCredential(request) {
      const { values } = bodyOf<'verifyCredential'>(request);
      return json(
        200,
        await credentials.verifyStored(caller(request), param(request, 'credentialId'), values),
      );
    },

    async deleteCredential(request) {
      await credentials.remove(
        caller(request),
        param(request, 'credentialId'),
        request.headers.get('if-match'),
      );
      return empty();
    },

    async setDefaultCredential(request) {
      const { credentialId } = bodyOf<'setDefaultCredential'>(request);
      await credentials.setDefault(caller(request), param(request, 'providerId'), credentialId);
      return empty();
    },

    async getOAuthClient(request) {
      return json(200, await oauthClients.get(caller(request), param(request, 'providerId')));
    },

    async saveOAuthClient(request) {
      const settings = await oauthClients.save(
        caller(request),
        param(request, 'providerId'),
        bodyOf<'saveOAuthClient'>(request),
      );
      return json(200, settings);
    },

    async deleteOAuthClient(request) {
      return json(200, await oauthClients.remove(caller(request), param(request, 'providerId')));
    },

    async startOAuthFlow(request) {
      const body = bodyOf<'startOAuthFlow'>(request);
      return oauthFlows.start(request, param(request, 'providerId'), body);
    },

    async getOAuthFlow(request) {
      return json(200, await oauthFlows.get(caller(request), param(request, 'flowId')));
    },

    async cancelOAuthFlow(request) {
      return json(200, await oauthFlows.cancel(caller(request), param(request, 'flowId')));
    },

    async completeOAuthCallback(request) {
      return oauthFlows.complete(request, bodyOf<'completeOAuthCallback'>(request));
    },

    async issueCredentialToken(request) {
      // The server routes this operation to service-token authentication only; checking the
      // principal's origin here as well means a routing mistake cannot hand tokens to a browser.
      if (!serviceTokens.isServicePrincipal(request.principal)) {
        throw new ApiError(403, {
          code: 'forbidden',
          message: 'Only the pipeline runner’s service token can read credentials.',
          retryable: false,
        });
      }
      return json(200, await tokens.issue(request.principal, param(request, 'credentialId')));
    },
  };
}
