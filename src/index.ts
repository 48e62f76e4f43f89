/**
 * Pipeline Connect's public API. Everything a host may use is exported here by name; anything
 * else is internal and may change.
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
  Credential,
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
  ProviderOAuth,
  SaveOAuthClientInput,
  UpdateCredentialInput,
} from './credentials/backend';
export { CredentialsError, isCredentialsError } from './credentials/credentials-error';
export type { CredentialsErrorBody, CredentialsErrorCode } from './credentials/credentials-error';
export { createHttpCredentialsBackend } from './credentials/http-backend';
export type { HttpCredentialsBackendOptions } from './credentials/http-backend';
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
} from './credentials/mutations';
export type {
  CreateApiKeyVariables,
  DeleteCredentialVariables,
  UpdateCredentialVariables,
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
export type { MessageOverrides, Messages } from './i18n/messages';
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
export { resolveConnectionState } from './data-sources/connection-state';
export type { ConnectionState } from './data-sources/connection-state';
export { DataSourcePanel } from './panel/data-source-panel';
export type { DataSourcePanelProps } from './panel/data-source-panel';
export { CredentialSelect } from './panel/credential-select';
export type { CredentialSelectProps } from './panel/credential-select';
export { ConnectMenu } from './connect/connect-menu';
export type { ConnectMenuProps } from './connect/connect-menu';

export { ApiKeyDialog } from './dialogs/api-key-dialog';
export type { ApiKeyDialogProps } from './dialogs/api-key-dialog';
export { EditCredentialDialog } from './dialogs/edit-credential-dialog';
export type { EditCredentialDialogProps } from './dialogs/edit-credential-dialog';
export { DeleteCredentialDialog } from './dialogs/delete-credential-dialog';
export type { DeleteCredentialDialogProps } from './dialogs/delete-credential-dialog';
export { CredentialList } from './manage/credential-list';
export type { CredentialListProps } from './manage/credential-list';

export { useAddOAuth } from './connect/use-add-oauth';
export type {
  AddOAuthStartOptions,
  UseAddOAuthOptions,
  UseAddOAuthResult,
} from './connect/use-add-oauth';
export { OAuthClientSettingsDialog } from './dialogs/oauth-client-settings-dialog';
export type {
  OAuthAuthorizeRequest,
  OAuthClientSettingsDialogProps,
} from './dialogs/oauth-client-settings-dialog';
export { OAuthStatusDialog } from './dialogs/oauth-status-dialog';
export type { OAuthStatusDialogProps } from './dialogs/oauth-status-dialog';
export { createOAuthFlowController } from './oauth/oauth-flow-controller';
export type {
  OAuthFlowController,
  OAuthFlowControllerOptions,
  OAuthFlowSnapshot,
  OAuthFlowStatusName,
  StartOAuthFlowOptions,
} from './oauth/oauth-flow-types';
export { completeOAuthPopup } from './oauth/oauth-completion';
export type {
  CompleteOAuthPopupOptions,
  OAuthCompletionResult,
  OAuthCompletionStatus,
} from './oauth/oauth-completion';

export { DataSourceSettings } from './settings/data-source-settings';
export type { DataSourceSettingsProps } from './settings/data-source-settings';
export { useAttentionCount } from './settings/use-attention-count';
