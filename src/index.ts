/**
 * Pipeline Connect's public API. Everything a host may use is exported here by name; anything
 * else is internal and may change. The OAuth popup flow below the components is
 * `pipeline-connect/oauth`; the mock backend `pipeline-connect/mocks`. api/*.api.md records
 * each entry's exports.
 *
 * @packageDocumentation
 */
export {
  PipelineConnectProvider,
  createPipelineConnectQueryClient,
} from './pipeline-connect-provider';
export type { PipelineConnectProviderProps } from './pipeline-connect-provider';

export { SECRET_MASK } from './credentials/backend';
export type {
  AuthMethod,
  CallOptions,
  CreateApiKeyInput,
  CreateOptions,
  Credential,
  CredentialProblem,
  CredentialStatus,
  CredentialValues,
  CredentialsBackend,
  FieldOption,
  FieldSchema,
  FieldType,
  OAuthCallbackInput,
  OAuthClientSettings,
  OAuthCredentialOutcome,
  OAuthFlowStart,
  OAuthFlowState,
  OAuthFlowStatus,
  Provider,
  ProviderLocalization,
  ProviderOAuth,
  RequiredScope,
  SaveOAuthClientInput,
  UpdateCredentialInput,
  VerificationOutcome,
  VerificationReport,
  CredentialVerification,
} from './credentials/backend';
export { CredentialsError, isCredentialsError } from './credentials/credentials-error';
export type { CredentialsErrorBody, CredentialsErrorCode } from './credentials/credentials-error';
export { createHttpCredentialsBackend } from './credentials/http-backend';
export type {
  HttpCredentialsBackendHeaders,
  HttpCredentialsBackendOptions,
} from './credentials/http-backend';
export { CredentialsBackendProvider, useCredentialsBackend } from './credentials/backend-context';
export type { CredentialsBackendProviderProps } from './credentials/backend-context';
export { backendScope, credentialKeys, credentialMutationKeys } from './credentials/query-keys';
export {
  createApiKeyMutationOptions,
  deleteCredentialMutationOptions,
  deleteOAuthClientMutationOptions,
  saveOAuthClientMutationOptions,
  setDefaultCredentialMutationOptions,
  updateCredentialMutationOptions,
  verifyApiKeyDraftMutationOptions,
  verifyCredentialMutationOptions,
} from './credentials/mutations';
export type {
  CreateApiKeyVariables,
  DeleteCredentialVariables,
  UpdateCredentialVariables,
  VerifyCredentialVariables,
} from './credentials/mutations';
export { syncAcrossTabsMeta } from './credentials/sync-meta';
export { retryRetryable } from './credentials/retry-policy';
export {
  credentialsQueryOptions,
  oauthClientQueryOptions,
  providersQueryOptions,
} from './credentials/queries';
export type { CredentialsQueryOptions } from './credentials/queries';
export {
  useAllCredentials,
  useProvider,
  useProviderCredentials,
  useProviders,
} from './data-sources/use-credentials';

export { I18nProvider, useMessages } from './i18n/i18n-context';
export type { BuiltInLocale, I18nProviderProps } from './i18n/i18n-context';
export type { DeepPartial, MessageOverrides, Messages } from './i18n/messages';
// `Messages` is `typeof en`, so the English catalog's type is public too. As a type only: the
// catalog object itself stays internal, where no host can change the library's words.
export type { en } from './i18n/en';
export type { ColorMode } from './theme/color-mode';

export { PipelineCanvas } from './canvas/pipeline-canvas';
export type { PipelineCanvasProps } from './canvas/pipeline-canvas';
export { DataSourceNodeView } from './canvas/data-source-node-view';
export { dataSourceNodeTypes, pipelineNodeTypes } from './canvas/node-types';
export { Palette } from './canvas/palette';
export { usePublishCredentialUsage } from './canvas/publish-credential-usage';
export type { PaletteProps } from './canvas/palette';
export { isDataSourceNode } from './data-sources/pipeline-types';
export type {
  DataSourceNode,
  DataSourceNodeData,
  KnowledgeBaseNode,
  KnowledgeBaseNodeData,
  Pipeline,
  PipelineNode,
  ProcessingNode,
  ProcessingNodeData,
} from './data-sources/pipeline-types';
export { ConnectionStateProvider } from './data-sources/connection-state-provider';
export type { ConnectionStateProviderProps } from './data-sources/connection-state-provider';
export { resolveConnectionState } from './data-sources/connection-state';
export type { ConnectionState } from './data-sources/connection-state';
export { DataSourcePanel } from './panel/data-source-panel';
export type { DataSourcePanelProps } from './panel/data-source-panel';
export { CredentialSelect } from './panel/credential-select';
export type { CredentialSelectProps } from './panel/credential-select';
export { ConnectMenu } from './connect/connect-menu';
export type { ConnectMenuProps } from './connect/connect-menu';

// The dialogs' code (react-hook-form, zod, Radix Dialog) loads on demand: ./dialogs/lazy-dialogs.tsx.
export { ApiKeyDialog } from './dialogs/lazy-dialogs';
export type { ApiKeyDialogProps } from './dialogs/api-key-dialog';
export { EditCredentialDialog } from './dialogs/lazy-dialogs';
export type { EditCredentialDialogProps } from './dialogs/edit-credential-dialog';
export { DeleteCredentialDialog } from './dialogs/lazy-dialogs';
export type { DeleteCredentialDialogProps } from './dialogs/delete-credential-dialog';
export { CredentialList } from './manage/credential-list';
export type { CredentialListProps } from './manage/credential-list';

export { useAddOAuth } from './connect/use-add-oauth';
export type {
  AddOAuthDialogsState,
  AddOAuthStartOptions,
  UseAddOAuthOptions,
  UseAddOAuthResult,
} from './connect/use-add-oauth';
export { AddOAuthDialogs } from './connect/add-oauth-dialogs';
export type { AddOAuthDialogsProps } from './connect/add-oauth-dialogs';
export type { DialogOpenProps } from './dialogs/use-dialog-open';

// The headless actions: what the dialogs and rows do, for a host's own UI.
export { ActionFailure } from './actions/action-failure';
export type { ActionFailureInit, FieldFailure } from './actions/action-failure';
export { useCreateApiKey } from './actions/use-create-api-key';
export type { CreateApiKeyAction, UseCreateApiKeyOptions } from './actions/use-create-api-key';
export { useTestApiKey } from './actions/use-test-api-key';
export type {
  ApiKeyTestResult,
  TestApiKeyAction,
  UseTestApiKeyOptions,
} from './actions/use-test-api-key';
export { useTestCredential } from './actions/use-test-credential';
export type { TestCredentialAction } from './actions/use-test-credential';
export { useUpdateCredential } from './actions/use-update-credential';
export type {
  UpdateCredentialAction,
  UseUpdateCredentialOptions,
} from './actions/use-update-credential';
export { useRenameCredential } from './actions/use-rename-credential';
export type { RenameCredentialAction } from './actions/use-rename-credential';
export { useDeleteCredential } from './actions/use-delete-credential';
export type { DeleteCredentialAction } from './actions/use-delete-credential';
export { useSetDefaultCredential } from './actions/use-set-default-credential';
export type { SetDefaultCredentialAction } from './actions/use-set-default-credential';
export { useSaveOAuthClient } from './actions/use-save-oauth-client';
export type {
  SaveOAuthClientAction,
  UseSaveOAuthClientOptions,
} from './actions/use-save-oauth-client';
export { useDeleteOAuthClient } from './actions/use-delete-oauth-client';
export type { DeleteOAuthClientAction } from './actions/use-delete-oauth-client';
export { OAuthClientSettingsDialog } from './dialogs/lazy-dialogs';
export type {
  OAuthAuthorizeRequest,
  OAuthClientSettingsDialogProps,
} from './dialogs/oauth-client-settings-dialog';
export { OAuthStatusDialog } from './dialogs/lazy-dialogs';
export type { OAuthStatusDialogProps } from './dialogs/oauth-status-dialog';
// The flow's state, as `useAddOAuth().state` and `OAuthStatusDialog` carry it. The controller that
// produces it, the popup protocol and the completion page's helper are `pipeline-connect/oauth`.
export type {
  OAuthFlowFailure,
  OAuthFlowSnapshot,
  OAuthFlowSuccess,
} from './oauth/oauth-flow-types';

export { DataSourceSettings } from './settings/data-source-settings';
export type { DataSourceSettingsProps } from './settings/data-source-settings';
export { useAttentionCount } from './settings/use-attention-count';
