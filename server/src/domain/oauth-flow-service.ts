/**
 * OAuth authorization flows (DESIGN.md §2, "The OAuth flow"): the server is a real OAuth client
 * (oauth4webapi). A flow is bound to its principal, its pinned client and the browser that
 * started it (an HttpOnly cookie); only the hash of its `state` is stored and its PKCE verifier is
 * sealed; the callback checks the browser binding *before* it consumes the state, consumes it in
 * one atomic statement (exactly one winner), exchanges the code once, reads the account, seals
 * the tokens and stores the credential — or re-authorizes the one it was started for, or the one
 * already connected to the same account.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type {
  OAuthCallbackInput,
  OAuthCredentialOutcome,
  OAuthFlowStatus,
} from '../../../src/credentials/backend';
import { capProviderText } from '../../../src/rules/provider-text';
import { ApiError, badRequest, conflict, notFound, validationFailed } from '../http/api-error';
import type { OperationRequest } from '../http/contract-router';
import type { OAuthProviderEndpoints } from '../providers/oauth-directory';
import type { Database } from '../storage/database';
import { credentials, defaultCredentials, oauthFlows } from '../storage/schema';
import { codeVerifierBinding, credentialTokensBinding } from '../storage/sealed-values';
import { requireOAuth, requireProvider } from './catalog';
import type { Caller } from './credential-service';
import type { ClientInUse } from './oauth-client-service';
import {
  authorizationServerOf,
  clientAuthOf,
  expiryOf,
  grantRecordOf,
  oauthHttpOptions,
  requireEndpoints,
  storedTokensOf,
  type OAuthProtocolDependencies,
} from './oauth-client-protocol';
import { checkName, nameKey, suffixedName } from './rules';

/** How long a started flow may take, consent included. */
export const FLOW_LIFETIME_MS = 10 * 60_000;

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

export interface OAuthFlowServiceOptions extends OAuthProtocolDependencies {
  db: Database;
  redirectUri: string;
  /** `https:` deployments name the binding cookie `__Host-…` and mark it Secure. */
  secureCookies: boolean;
  /**
   * Development only: tells the stand-in authorization server about a tenant's custom client
   * before a flow uses it (a real provider knows the clients registered in its console).
   */
  announceClient?: (providerId: string, client: ClientInUse, redirectUri: string) => void;
}

type FlowRow = typeof oauthFlows.$inferSelect;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export function createOAuthFlowService(options: OAuthFlowServiceOptions): OAuthFlowService {
  const { db, cipher, clock, audit, clients, directory, redirectUri, logger } = options;
  const cookieName = options.secureCookies ? '__Host-pc-oauth-binding' : 'pc-oauth-binding';

  const httpOptions = oauthHttpOptions(options.fetch, options.allowInsecureProviders);

  function view(row: FlowRow): OAuthFlowStatus {
    const pending = row.status === 'pending' || row.status === 'exchanging';
    if (pending && clock().getTime() >= row.expiresAt.getTime()) {
      return {
        flowId: row.id,
        providerId: row.providerId,
        status: 'expired',
        credentialId: null,
        outcome: null,
        error: { code: 'expired', message: 'The authorization took too long. Start again.' },
      };
    }
    return {
      flowId: row.id,
      providerId: row.providerId,
      status: pending ? 'pending' : row.status === 'succeeded' ? 'succeeded' : 'failed',
      credentialId: row.credentialId,
      outcome: row.status === 'succeeded' ? row.outcome : null,
      error:
        row.errorCode === null
          ? null
          : { code: row.errorCode, message: row.errorMessage ?? row.errorCode },
    };
  }

  async function requireFlow(tenantId: string, flowId: string): Promise<FlowRow> {
    const [row] = await db
      .select()
      .from(oauthFlows)
      .where(and(eq(oauthFlows.tenantId, tenantId), eq(oauthFlows.id, flowId)));
    if (!row) throw notFound('This authorization attempt does not exist.');
    return row;
  }

  async function fail(row: FlowRow, code: string, message: string): Promise<OAuthFlowStatus> {
    const [updated] = await db
      .update(oauthFlows)
      .set({
        status: 'failed',
        errorCode: capProviderText(code, 100),
        errorMessage: capProviderText(message),
      })
      .where(eq(oauthFlows.id, row.id))
      .returning();
    return view(updated ?? row);
  }

  async function readAccount(
    endpoints: OAuthProviderEndpoints,
    tokens: oauth.TokenEndpointResponse,
  ): Promise<string | null> {
    if (endpoints.account === 'token-workspace-name') {
      const name = (tokens as Record<string, unknown>).workspace_name;
      return typeof name === 'string' && name.trim() !== '' ? capProviderText(name.trim()) : null;
    }
    if (!endpoints.accountEndpoint) return null;
    const response = await options.fetch(endpoints.accountEndpoint, {
      method: endpoints.accountMethod,
      headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' },
    });
    if (!response.ok) return null;
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    const name = body?.name;
    const candidates = [
      body?.email,
      body?.mail,
      body?.userPrincipalName,
      typeof name === 'object' && name !== null
        ? (name as Record<string, unknown>).display_name
        : name,
    ];
    const found = candidates.find((value) => typeof value === 'string' && value.trim() !== '');
    return typeof found === 'string' ? capProviderText(found.trim()) : null;
  }

  function cookieValue(request: Request): string | null {
    const header = request.headers.get('cookie') ?? '';
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === cookieName) return rest.join('=') || null;
    }
    return null;
  }

  return {
    async start(request, providerId, input) {
      const { tenantId, userId } = request.principal;
      const provider = requireProvider(providerId);
      const oauthInfo = requireOAuth(provider);
      if (input.credentialId !== undefined) {
        const [target] = await db
          .select({ providerId: credentials.providerId, method: credentials.method })
          .from(credentials)
          .where(and(eq(credentials.tenantId, tenantId), eq(credentials.id, input.credentialId)));
        if (!target) throw notFound('This credential no longer exists.');
        if (target.providerId !== provider.id || target.method !== 'oauth2') {
          throw validationFailed({
            credentialId: `Only a ${provider.name} OAuth credential can be re-authorized here.`,
          });
        }
      }
      const client = await clients.inUse(tenantId, provider);
      if (!client) {
        throw conflict(
          'oauth_client_required',
          `${provider.name} needs a custom OAuth client before it can connect.`,
        );
      }
      const endpoints = requireEndpoints(directory, provider.id, client);
      if (client.mode === 'custom') options.announceClient?.(provider.id, client, redirectUri);

      const id = crypto.randomUUID();
      const state = oauth.generateRandomState();
      const verifier = oauth.generateRandomCodeVerifier();
      // One binding value per browser: flows started in other tabs of it keep working.
      const binding = cookieValue(request.raw) ?? randomBytes(32).toString('base64url');
      const now = clock();
      const expiresAt = new Date(now.getTime() + FLOW_LIFETIME_MS);
      const scope = oauthInfo.scopes.join(' ');
      await db.insert(oauthFlows).values({
        id,
        tenantId,
        userId,
        providerId: provider.id,
        stateHash: sha256(state),
        bindingHash: sha256(binding),
        codeVerifierSealed: await cipher.seal(verifier, codeVerifierBinding({ id, tenantId })),
        clientId: client.clientId,
        clientMode: client.mode,
        redirectUri,
        scope,
        reauthorizeCredentialId: input.credentialId ?? null,
        status: 'pending',
        credentialId: null,
        errorCode: null,
        errorMessage: null,
        createdAt: now,
        expiresAt,
      });

      const url = new URL(endpoints.authorizationEndpoint);
      const parameters: Record<string, string> = {
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: redirectUri,
        scope,
        state,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...endpoints.authorizationParameters,
      };
      for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);

      const cookie = [
        `${cookieName}=${binding}`,
        'Path=/',
        'HttpOnly',
        'SameSite=Lax',
        `Max-Age=${Math.ceil(FLOW_LIFETIME_MS / 1000)}`,
        ...(options.secureCookies ? ['Secure'] : []),
      ].join('; ');
      return Response.json(
        { flowId: id, authorizationUrl: url.toString(), expiresAt: expiresAt.toISOString() },
        { status: 201, headers: { 'Set-Cookie': cookie } },
      );
    },

    async get(caller, flowId) {
      return view(await requireFlow(caller.principal.tenantId, flowId));
    },

    async cancel(caller, flowId) {
      const { tenantId } = caller.principal;
      const row = await requireFlow(tenantId, flowId);
      // Only a pending, unexpired flow changes: cancel is idempotent, and one that already
      // ended (succeeded just before) is reported as it ended.
      const [cancelled] = await db
        .update(oauthFlows)
        .set({
          status: 'failed',
          errorCode: 'flow_cancelled',
          errorMessage: 'The connection was cancelled.',
        })
        .where(
          and(
            eq(oauthFlows.id, row.id),
            eq(oauthFlows.status, 'pending'),
            gt(oauthFlows.expiresAt, clock()),
          ),
        )
        .returning();
      if (cancelled) {
        await audit.record(caller.principal, caller.requestId, {
          action: 'oauth.cancel',
          outcome: 'succeeded',
          providerId: row.providerId,
        });
      }
      return view(cancelled ?? row);
    },

    async complete(request, input) {
      const { principal } = request;
      const invalidState = () =>
        badRequest(
          'This sign-in response is not valid any more. Start the connection again.',
          'invalid_state',
        );
      const [row] = await db
        .select()
        .from(oauthFlows)
        .where(eq(oauthFlows.stateHash, sha256(input.state)));
      if (!row || row.tenantId !== principal.tenantId || row.userId !== principal.userId) {
        throw invalidState();
      }
      if (row.errorCode === 'flow_cancelled') {
        throw badRequest('This connection was cancelled, so nothing was saved.', 'flow_cancelled');
      }
      // The browser binding is checked before the state is consumed: a response replayed from
      // elsewhere cannot burn the real flow.
      const binding = cookieValue(request.raw);
      if (binding === null || sha256(binding) !== row.bindingHash) throw invalidState();

      const now = clock();
      const [claimed] = await db
        .update(oauthFlows)
        .set({ status: 'exchanging' as const })
        .where(
          and(
            eq(oauthFlows.id, row.id),
            eq(oauthFlows.status, 'pending'),
            gt(oauthFlows.expiresAt, now),
          ),
        )
        .returning();
      if (!claimed) throw invalidState();

      const outcome = await exchange(claimed, input);
      await audit.record(principal, request.requestId, {
        action: 'oauth.authorize',
        outcome: outcome.status === 'succeeded' ? 'succeeded' : 'failed',
        providerId: claimed.providerId,
        credentialId: outcome.credentialId,
        detail: outcome.error?.code ?? null,
      });
      return Response.json(outcome, { status: 200 });
    },
  };

  async function exchange(flow: FlowRow, input: OAuthCallbackInput): Promise<OAuthFlowStatus> {
    const provider = requireProvider(flow.providerId);
    if (input.error !== undefined) {
      const code = capProviderText(input.error, 100);
      return fail(
        flow,
        code,
        code === 'access_denied' ? 'Access was denied.' : `The provider reported "${code}".`,
      );
    }
    if (input.code === undefined) {
      return fail(flow, 'invalid_request', 'The provider sent neither a code nor an error.');
    }

    const client = await clients.inUse(flow.tenantId, provider);
    // The flow is pinned to the client it started with: a client changed meanwhile fails it.
    if (!client || client.clientId !== flow.clientId) {
      return fail(flow, 'invalid_client', 'The OAuth client changed during the authorization.');
    }
    const endpoints = requireEndpoints(directory, provider.id, client);
    const as = authorizationServerOf(endpoints);
    const oauthClient: oauth.Client = { client_id: client.clientId };

    let tokens: oauth.TokenEndpointResponse;
    try {
      const parameters = new URLSearchParams({ state: input.state, code: input.code });
      if (input.iss !== undefined) parameters.set('iss', input.iss);
      const validated = oauth.validateAuthResponse(as, oauthClient, parameters, input.state);
      const verifier = await cipher.open(flow.codeVerifierSealed, codeVerifierBinding(flow));
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        oauthClient,
        clientAuthOf(endpoints, client),
        validated,
        flow.redirectUri,
        verifier,
        httpOptions,
      );
      tokens = await oauth.processAuthorizationCodeResponse(as, oauthClient, response);
    } catch (error) {
      logger.warn('OAuth code exchange refused', {
        providerId: provider.id,
        flowId: flow.id,
        reason: error instanceof Error ? error.name : 'unknown',
      });
      return fail(
        flow,
        'invalid_grant',
        'The provider did not confirm the authorization. Start again.',
      );
    }

    const account = await readAccount(endpoints, tokens).catch(() => null);
    const now = clock();
    const expiresAt = expiryOf(tokens, now);
    const stored = storedTokensOf(tokens, client);
    const grant = grantRecordOf(tokens, stored, flow.scope);

    // Re-authorize the credential the flow was started for, or the one already connected to the
    // same account (one account, once); otherwise add a credential named after the account.
    let targetId = flow.reauthorizeCredentialId;
    if (targetId === null && account !== null) {
      const [same] = await db
        .select({ id: credentials.id })
        .from(credentials)
        .where(
          and(
            eq(credentials.tenantId, flow.tenantId),
            eq(credentials.providerId, provider.id),
            eq(credentials.method, 'oauth2'),
            eq(credentials.account, account),
          ),
        )
        .orderBy(asc(credentials.createdAt))
        .limit(1);
      targetId = same?.id ?? null;
    }

    if (targetId !== null) {
      const sealed = await cipher.seal(
        JSON.stringify(stored),
        credentialTokensBinding({ id: targetId, tenantId: flow.tenantId }),
      );
      const [updated] = await db
        .update(credentials)
        .set({
          tokensSealed: sealed,
          tokenExpiresAt: expiresAt,
          ...grant,
          account: account ?? undefined,
          health: 'active',
          ...freshGrant(now),
          version: sql`${credentials.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(credentials.tenantId, flow.tenantId), eq(credentials.id, targetId)))
        .returning({ id: credentials.id });
      if (!updated) {
        return fail(flow, 'not_found', 'The credential to re-authorize was deleted meanwhile.');
      }
      return succeed(
        flow,
        updated.id,
        flow.reauthorizeCredentialId !== null ? 'reauthorized' : 'reconnected',
      );
    }

    const id = crypto.randomUUID();
    const sealed = await cipher.seal(
      JSON.stringify(stored),
      credentialTokensBinding({ id, tenantId: flow.tenantId }),
    );
    const base = checkName(account ?? `${provider.name} account`).problem
      ? `${provider.name} account`
      : (account ?? `${provider.name} account`);
    const taken = await db
      .select({ name: credentials.name })
      .from(credentials)
      .where(and(eq(credentials.tenantId, flow.tenantId), eq(credentials.providerId, provider.id)));
    const name = suffixedName(
      base,
      taken.map((row) => row.name),
    );
    await db.transaction(async (tx) => {
      await tx.insert(credentials).values({
        id,
        tenantId: flow.tenantId,
        providerId: provider.id,
        name,
        nameKey: nameKey(name),
        method: 'oauth2',
        health: 'active',
        account,
        values: {},
        secretsSealed: {},
        tokensSealed: sealed,
        tokenExpiresAt: expiresAt,
        ...grant,
        ...freshGrant(now),
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await tx
        .insert(defaultCredentials)
        .values({ tenantId: flow.tenantId, providerId: provider.id, credentialId: id })
        .onConflictDoNothing();
    });
    return succeed(flow, id, 'created');
  }

  async function succeed(
    flow: FlowRow,
    credentialId: string,
    outcome: OAuthCredentialOutcome,
  ): Promise<OAuthFlowStatus> {
    const [updated] = await db
      .update(oauthFlows)
      .set({ status: 'succeeded', credentialId, outcome })
      .where(eq(oauthFlows.id, flow.id))
      .returning();
    return view(updated ?? flow);
  }
}

/**
 * The refresh bookkeeping of a grant just exchanged: the provider confirmed it now (the token's
 * lifetime is counted from here), and an earlier refresh failure — an expired mark included — is
 * cleared, since re-authorizing is how the user repairs an expired credential.
 */
function freshGrant(now: Date) {
  return {
    lastVerifiedAt: now,
    lastRefreshAt: null,
    refreshFailedAt: null,
    lastErrorCode: null,
    lastErrorMessage: null,
  };
}

/** Unavailable OAuth (no directory configured): every flow operation is a 503 that says so. */
export function createUnavailableOAuthFlows(): OAuthFlowService {
  const unavailable = () =>
    new ApiError(
      503,
      {
        code: 'oauth_unavailable',
        message: 'Connecting with OAuth is not configured on this server.',
        retryable: false,
      },
      { 'Retry-After': '3600' },
    );
  return {
    async start(_request, providerId) {
      requireOAuth(requireProvider(providerId));
      throw unavailable();
    },
    get: async () => Promise.reject(unavailable()),
    cancel: async () => Promise.reject(unavailable()),
    complete: async () => Promise.reject(unavailable()),
  };
}
