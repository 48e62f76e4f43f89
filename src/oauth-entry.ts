/**
 * `pipeline-connect/oauth`: the OAuth popup flow below the components, and the completion page's
 * helper.
 *
 * Most hosts need only {@link completeOAuthPopup}, on the page they serve at the redirect URI.
 * The flow controller and the popup message protocol are here for a host that builds its own
 * Add OAuth UI instead of `useAddOAuth` and the OAuth dialogs of `pipeline-connect`; they are
 * kept out of the main entry so that its surface is the components and hooks. The types these
 * signatures share with the components (`CredentialsBackend`, `Credential`, …) are exported by
 * `pipeline-connect`.
 *
 * @packageDocumentation
 */
export { createOAuthFlowController } from './oauth/oauth-flow-controller';
export type {
  OAuthChannel,
  OAuthFlowController,
  OAuthFlowControllerOptions,
  OAuthFlowFailure,
  OAuthFlowOutcome,
  OAuthFlowSnapshot,
  OAuthFlowStatusName,
  OAuthFlowSuccess,
  OAuthFlowWindow,
  OAuthPopupWindow,
  StartOAuthFlowOptions,
} from './oauth/oauth-flow-types';
export { getSharedOAuthFlowController } from './oauth/shared-controllers';
export {
  OAUTH_MESSAGE_TYPE,
  isOAuthCompletionMessage,
  oauthChannelName,
} from './oauth/popup-messages';
export type { OAuthCompletionMessage } from './oauth/popup-messages';
export { completeOAuthPopup } from './oauth/oauth-completion';
export type {
  CompleteOAuthPopupOptions,
  OAuthCompletionResult,
  OAuthCompletionStatus,
  OAuthCompletionWindow,
} from './oauth/oauth-completion';
