/**
 * The credential as the host's pipeline runner uses it (`POST /credentials/{id}/token`,
 * server-to-server only): an OAuth credential's access token, refreshed first when it is due, or
 * an API-key credential's field values with the secrets opened — the one place the server ever
 * gives a secret back, and only to a service token, never to a browser session.
 *
 * **Service tokens.** Each one is configured with the tenant it may read (`tenant:token`); a
 * request names no tenant, so a token can never be pointed at another tenant's credentials.
 * Tokens are compared in constant time (digests of equal length, every configured token
 * compared), and at least 32 characters long. A service token opens only the token endpoint, and
 * the browser's `authenticate` never opens the token endpoint (`create-credentials-server.ts`
 * routes each request to one or the other).
 */
import { and, eq } from 'drizzle-orm';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CredentialValues } from '../../../src/credentials/backend';
import type { components } from '../../../src/credentials/api-types';
import type { EnvelopeCipher } from '../crypto/envelope';
import { ConfigurationError } from '../crypto/errors';
import { ApiError, notFound } from '../http/api-error';
import type { Database } from '../storage/database';
import { credentials } from '../storage/schema';
import { credentialSecretBinding, credentialTokensBinding } from '../storage/sealed-values';
import type { CredentialRow } from './credential-view';
import { parseStoredTokens } from './oauth-client-protocol';
import type { Principal } from './principal';
import { cooldownLeftMs, needsReauthorization, REFRESH_COOLDOWN_MS } from './refresh-policy';
import type { RefreshService } from './refresh-service';

/** A service token and the one tenant whose credentials it may read. */
export interface ServiceToken {
  tenantId: string;
  token: string;
}

/** The shortest service token accepted (32 characters: at least 128 bits as base64 or hex). */
export const MIN_SERVICE_TOKEN_LENGTH = 32;

/** What `issueCredentialToken` answers. */
export type IssuedCredential = components['schemas']['IssuedCredential'];

/** Refuses a service-token configuration that is weak or ambiguous (boot refused). */
export function checkServiceTokens(tokens: readonly ServiceToken[]): void {
  const seen = new Set<string>();
  tokens.forEach((entry, index) => {
    const where = `Service token ${index + 1}`;
    if (typeof entry.tenantId !== 'string' || entry.tenantId.trim() === '') {
      throw new ConfigurationError(`${where} names no tenant.`);
    }
    if (typeof entry.token !== 'string' || entry.token.length < MIN_SERVICE_TOKEN_LENGTH) {
      throw new ConfigurationError(
        `${where} (tenant "${entry.tenantId}") is shorter than ${MIN_SERVICE_TOKEN_LENGTH} characters.`,
      );
    }
    if (!/^[\x21-\x7e]+$/.test(entry.token)) {
      throw new ConfigurationError(
        `${where} (tenant "${entry.tenantId}") must be printable ASCII without spaces.`,
      );
    }
    if (seen.has(entry.token)) throw new ConfigurationError(`${where} is configured twice.`);
    seen.add(entry.token);
  });
}

/** Authenticates the token endpoint's callers by their service token. */
export interface ServiceTokenAuthenticator {
  /**
   * The service principal of the tenant the presented token names; null for none or an unknown
   * one (401). A request a browser sent (it carries `Origin` or `Sec-Fetch-*`) is refused (403)
   * whatever it carries: the endpoint is server-to-server only.
   */
  authenticate(request: Request): Principal | null;
  /** Whether the request presents one of the configured service tokens. */
  presentsServiceToken(request: Request): boolean;
  /** Whether the principal came from {@link authenticate} (and not from a browser session). */
  isServicePrincipal(principal: Principal): boolean;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function createServiceTokenAuthenticator(
  tokens: readonly ServiceToken[],
): ServiceTokenAuthenticator {
  checkServiceTokens(tokens);
  const known = tokens.map((entry) => ({ tenantId: entry.tenantId, digest: digest(entry.token) }));
  const issued = new WeakSet<Principal>();

  /** The tenant of the presented token. Every configured token is compared, so the time taken
   * says nothing about which one (or how much of one) matched. */
  function tenantOf(request: Request): string | null {
    const match = /^Bearer ([\x21-\x7e]+)$/i.exec(request.headers.get('authorization') ?? '');
    if (!match?.[1]) return null;
    const presented = digest(match[1]);
    let tenantId: string | null = null;
    for (const entry of known) {
      if (timingSafeEqual(entry.digest, presented)) tenantId = entry.tenantId;
    }
    return tenantId;
  }

  return {
    authenticate(request) {
      const headers = request.headers;
      if (headers.has('origin') || headers.has('sec-fetch-site') || headers.has('sec-fetch-mode')) {
        throw new ApiError(403, {
          code: 'forbidden',
          message: 'This endpoint is for the pipeline runner (server-to-server), not for browsers.',
          retryable: false,
        });
      }
      const tenantId = tenantOf(request);
      if (tenantId === null) return null;
      const principal: Principal = { tenantId, userId: 'service' };
      issued.add(principal);
      return principal;
    },
    presentsServiceToken: (request) => tenantOf(request) !== null,
    isServicePrincipal: (principal) => issued.has(principal),
  };
}

export interface TokenServiceOptions {
  db: Database;
  cipher: EnvelopeCipher;
  clock: () => Date;
  /** Refreshes due OAuth tokens; null when the server has no OAuth client configured. */
  refresh: RefreshService | null;
}

export interface TokenService {
  /** The credential, ready to use, for a service principal of its tenant. */
  issue(principal: Principal, credentialId: string): Promise<IssuedCredential>;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const { db, cipher, clock, refresh } = options;

  const expired = () =>
    new ApiError(409, {
      code: 'credential_expired',
      message: 'The credential has expired: someone must re-authorize it.',
      retryable: false,
    });
  const unavailable = (waitMs: number) =>
    new ApiError(
      503,
      {
        code: 'provider_unavailable',
        message: 'The token expired and the provider could not refresh it yet. Try again shortly.',
        retryable: true,
      },
      { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    );

  async function apiKeyValues(row: CredentialRow): Promise<CredentialValues> {
    const values: CredentialValues = { ...row.values };
    for (const [field, sealed] of Object.entries(row.secretsSealed)) {
      values[field] =
        sealed === '' ? '' : await cipher.open(sealed, credentialSecretBinding(row, field));
    }
    return values;
  }

  return {
    async issue(principal, credentialId) {
      const [row] = await db
        .select()
        .from(credentials)
        .where(and(eq(credentials.tenantId, principal.tenantId), eq(credentials.id, credentialId)));
      if (!row) throw notFound('This credential no longer exists.');
      if (row.method === 'api_key') {
        return { method: 'api_key', providerId: row.providerId, values: await apiKeyValues(row) };
      }

      const refreshed = refresh ? await refresh.refreshIfDue(row) : null;
      if (refreshed?.outcome === 'gone') throw notFound('This credential no longer exists.');
      const current = refreshed?.row ?? row;
      if (needsReauthorization(current) || current.tokensSealed === null) throw expired();

      const now = clock();
      if (current.tokenExpiresAt !== null && current.tokenExpiresAt.getTime() <= now.getTime()) {
        // An expired token is never handed out: either the refresh failed and will be tried
        // again after the cooldown, or there is nothing to refresh it with.
        if (refresh === null) throw unavailable(REFRESH_COOLDOWN_MS);
        const wait = cooldownLeftMs(current, now);
        if (wait > 0) throw unavailable(wait);
        throw expired();
      }

      const tokens =
        refreshed?.tokens ??
        parseStoredTokens(
          await cipher.open(current.tokensSealed, credentialTokensBinding(current)),
        );
      return {
        method: 'oauth2',
        providerId: current.providerId,
        accessToken: tokens.accessToken,
        tokenType: tokens.tokenType,
        expiresAt: current.tokenExpiresAt?.toISOString() ?? null,
        scope: tokens.scope,
      };
    },
  };
}
