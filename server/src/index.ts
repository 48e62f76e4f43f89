/**
 * `pipeline-connect-server`: the reference implementation of Pipeline Connect's credentials
 * contract. Embed it with {@link createCredentialsServer} (a Hono app over PGlite or PostgreSQL),
 * or run it with the CLI (`pipeline-connect-server start`).
 */
export { createCredentialsServer } from './create-credentials-server';
export type { CredentialsServer, CredentialsServerOptions } from './create-credentials-server';
export type { Authenticate, Principal } from './domain/principal';
export type { ApiKeyVerifier, VerificationResult } from './domain/verification';
export { ApiError } from './http/api-error';
export type { Logger } from './logger';
export { createConsoleLogger } from './logger';
export { openDatabase } from './storage/database';
export type { DatabaseConnection, DatabaseLocation } from './storage/database';
export { createLocalKeyWrapper, parseKeyList } from './crypto/local-key-wrapper';
export { loadKeyWrapper } from './crypto/key-ring';
export type { KeyWrapper } from './crypto/key-wrapper';
export { createProviderRegistry } from './providers/registry';
export { createOutboundFetch } from './providers/outbound-fetch';
export { realOAuthDirectory } from './providers/oauth-directory';
export type { OAuthDirectory, OAuthProviderEndpoints } from './providers/oauth-directory';
