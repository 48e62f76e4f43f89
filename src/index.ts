/**
 * Pipeline Connect's public API. Everything a host may use is exported here by name; anything
 * else is internal and may change.
 */
export { PipelineConnectProvider, createPipelineConnectQueryClient } from './pipeline-connect-provider';
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
export { credentialKeys } from './credentials/query-keys';
export {
  credentialsQueryOptions,
  oauthClientQueryOptions,
  providersQueryOptions,
} from './credentials/queries';
export {
  useAllCredentials,
  useProvider,
  useProviderCredentials,
  useProviders,
} from './credentials/use-credentials';

export { I18nProvider, useMessages } from './i18n/i18n-context';
export type { BuiltInLocale, I18nProviderProps } from './i18n/i18n-context';
export type { MessageOverrides, Messages } from './i18n/messages';
export type { ColorMode } from './theme/color-mode';

export { PipelineCanvas } from './canvas/pipeline-canvas';
export type { PipelineCanvasProps } from './canvas/pipeline-canvas';
export { DataSourceNodeView } from './canvas/data-source-node-view';
export { dataSourceNodeTypes, pipelineNodeTypes } from './canvas/node-types';
export { Palette } from './canvas/palette';
export type { PaletteProps } from './canvas/palette';
export { isDataSourceNode } from './canvas/pipeline-types';
export type {
  DataSourceNode,
  DataSourceNodeData,
  KnowledgeBaseNode,
  KnowledgeBaseNodeData,
  Pipeline,
  PipelineNode,
  ProcessingNode,
  ProcessingNodeData,
} from './canvas/pipeline-types';
export { resolveConnectionState } from './canvas/connection-state';
export type { ConnectionState } from './canvas/connection-state';
export { DataSourcePanel } from './panel/data-source-panel';
export type { DataSourcePanelProps } from './panel/data-source-panel';
export { CredentialSelect } from './panel/credential-select';
export type { CredentialSelectProps } from './panel/credential-select';
export { ConnectMenu } from './dialogs/connect-menu';
export type { ConnectMenuProps } from './dialogs/connect-menu';
