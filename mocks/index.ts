/**
 * The MSW mock backend, for hosts that mock Pipeline Connect's backend in their own tests and
 * stories. Environment-specific starters live in `mocks/browser.ts` (service worker) and
 * `mocks/node.ts` (msw/node), kept apart so neither environment bundles the other's MSW.
 *
 * @packageDocumentation
 */
export { createHandlers, createRequestGuards, errorResponse } from './handlers';
export type { CreateHandlersOptions } from './handlers';
export {
  createMockStore,
  createMemoryStorage,
  MockHttpError,
  MOCK_STORE_KEY,
  isSeedName,
  seedNames,
} from './store';
export type { CreateMockStoreOptions, MockStore, SeedName, StorageLike } from './store';
export type { ErrorBody } from './store/http-error';
export type { IdempotentRequest } from './store/credential-operations';
export type { StoredAuthorizationCode } from './store/state';
export {
  findProviderFixture,
  platformClientId,
  providerBehaviours,
  providerFixtures,
} from './fixtures';
export type { ProviderBehaviour, ProviderFixture } from './fixtures';
export { handlersForScenario, isScenarioName, scenarioNames } from './scenarios';
export type { ScenarioHandlersOptions, ScenarioName } from './scenarios';
export {
  AUTHORIZATION_CODE_LIFETIME_MS,
  allowAccess,
  authorizationResponseUrl,
  hasGranularConsent,
  issueAuthorizationCode,
  OAuthProviderError,
  parseAuthorizationRequest,
  simulatedAccount,
} from './oauth-provider/provider';
export type { AuthorizationRequest, ConsentedRequest } from './oauth-provider/provider';
export { connectByConsent } from './oauth-provider/connect-by-consent';
export type { ConnectByConsentOptions } from './oauth-provider/connect-by-consent';
