/**
 * A tenant's OAuth client settings per provider: the platform's client (**Default**, where one
 * exists) or the tenant's own (**Custom**), whose secret is sealed at rest and never returned.
 */
import { and, eq } from 'drizzle-orm';
import {
  SECRET_MASK,
  type OAuthClientSettings,
  type ProviderOAuth,
  type SaveOAuthClientInput,
} from '../../../src/credentials/backend';
import type { EnvelopeCipher } from '../crypto/envelope';
import { validationFailed } from '../http/api-error';
import type { Database } from '../storage/database';
import { oauthClients } from '../storage/schema';
import { clientSecretBinding } from '../storage/sealed-values';
import type { AuditTrail } from './audit';
import { requireOAuth, requireProvider, type CatalogProvider } from './catalog';
import type { Caller } from './credential-service';
import { checkFieldValues, checkSecret } from './rules';

type ClientRow = typeof oauthClients.$inferSelect;

/** A platform client (the **Default** choice), from the deployment's configuration. */
export interface PlatformClient {
  clientId: string;
  clientSecret: string;
}

/** The client a flow would use, secret opened (for the OAuth flow service only). */
export interface ClientInUse {
  mode: 'default' | 'custom';
  clientId: string;
  clientSecret: string | null;
  extra: Record<string, string>;
}

export interface OAuthClientServiceOptions {
  db: Database;
  cipher: EnvelopeCipher;
  clock: () => Date;
  audit: AuditTrail;
  /** Where providers redirect after consent: from configuration, never from a request header. */
  redirectUri: string;
  /** The platform's own client per provider, where the deployment configured one. */
  platformClient: (providerId: string) => PlatformClient | null;
}

export type OAuthClientService = ReturnType<typeof createOAuthClientService>;

export function createOAuthClientService(options: OAuthClientServiceOptions) {
  const { db, cipher, clock, audit, redirectUri } = options;

  async function savedRow(tenantId: string, providerId: string): Promise<ClientRow | null> {
    const [row] = await db
      .select()
      .from(oauthClients)
      .where(and(eq(oauthClients.tenantId, tenantId), eq(oauthClients.providerId, providerId)));
    return row ?? null;
  }

  function modeOf(provider: CatalogProvider, row: ClientRow | null): 'default' | 'custom' {
    return row?.mode ?? (provider.oauth?.hasPlatformClient ? 'default' : 'custom');
  }

  function view(provider: CatalogProvider, row: ClientRow | null): OAuthClientSettings {
    const oauth = requireOAuth(provider);
    return {
      providerId: provider.id,
      mode: modeOf(provider, row),
      hasPlatformClient: oauth.hasPlatformClient,
      custom:
        row?.clientId != null
          ? { clientId: row.clientId, clientSecret: SECRET_MASK, extra: { ...row.extra } }
          : null,
      redirectUri,
    };
  }

  return {
    async get(caller: Caller, providerId: string): Promise<OAuthClientSettings> {
      const provider = requireProvider(providerId);
      requireOAuth(provider);
      return view(provider, await savedRow(caller.principal.tenantId, provider.id));
    },

    /** Which client the catalog reports for the provider: `none` until a custom one is saved. */
    async clientMode(
      tenantId: string,
      provider: CatalogProvider,
    ): Promise<ProviderOAuth['clientMode']> {
      const row = await savedRow(tenantId, provider.id);
      const mode = modeOf(provider, row);
      if (mode === 'custom') return row?.clientId ? 'custom' : 'none';
      return options.platformClient(provider.id) === null ? 'none' : 'default';
    },

    async save(
      caller: Caller,
      providerId: string,
      input: SaveOAuthClientInput,
    ): Promise<OAuthClientSettings> {
      const { tenantId } = caller.principal;
      const provider = requireProvider(providerId);
      const oauth = requireOAuth(provider);
      const saved = await savedRow(tenantId, provider.id);
      const now = clock();

      if (input.mode === 'default') {
        if (!oauth.hasPlatformClient) {
          throw validationFailed({
            mode: `${provider.name} has no default client; set up a custom one.`,
          });
        }
        // Choosing Default keeps a saved custom client, so the user can switch back.
        await upsert({
          tenantId,
          providerId: provider.id,
          mode: 'default',
          clientId: saved?.clientId ?? null,
          clientSecretSealed: saved?.clientSecretSealed ?? null,
          extra: saved?.extra ?? {},
          updatedAt: now,
        });
      } else {
        const fieldErrors: Record<string, string> = {};
        const clientId = (input.clientId ?? '').trim();
        if (clientId === '') fieldErrors.clientId = 'Client ID is required.';
        else if (/\s/.test(clientId)) fieldErrors.clientId = 'Client ID must not contain spaces.';

        const keepSecret =
          (input.clientSecret === undefined || input.clientSecret === SECRET_MASK) &&
          saved?.clientSecretSealed != null;
        const secret = (input.clientSecret ?? '').trim();
        if (!keepSecret) {
          const problem =
            secret === '' || secret === SECRET_MASK
              ? { message: 'Client Secret is required.' }
              : checkSecret(secret, 'Client Secret');
          if (problem) fieldErrors.clientSecret = problem.message;
        }
        const extra = checkFieldValues(oauth.clientFields, input.extra ?? {}, {
          previous: saved?.extra,
        });
        if (!extra.ok) Object.assign(fieldErrors, extra.fieldErrors);
        if (Object.keys(fieldErrors).length > 0) throw validationFailed(fieldErrors);

        await upsert({
          tenantId,
          providerId: provider.id,
          mode: 'custom',
          clientId,
          clientSecretSealed: keepSecret
            ? saved!.clientSecretSealed
            : await cipher.seal(secret, clientSecretBinding(tenantId, provider.id)),
          extra: extra.ok
            ? Object.fromEntries(Object.entries(extra.values).map(([k, v]) => [k, String(v)]))
            : {},
          updatedAt: now,
        });
      }
      await audit.record(caller.principal, caller.requestId, {
        action: 'oauth_client.save',
        outcome: 'succeeded',
        providerId: provider.id,
        detail: input.mode,
      });
      return view(provider, await savedRow(tenantId, provider.id));
    },

    async remove(caller: Caller, providerId: string): Promise<OAuthClientSettings> {
      const { tenantId } = caller.principal;
      const provider = requireProvider(providerId);
      requireOAuth(provider);
      await db
        .delete(oauthClients)
        .where(and(eq(oauthClients.tenantId, tenantId), eq(oauthClients.providerId, provider.id)));
      await audit.record(caller.principal, caller.requestId, {
        action: 'oauth_client.delete',
        outcome: 'succeeded',
        providerId: provider.id,
      });
      return view(provider, null);
    },

    /** The client a new flow would use now, or null when a custom client must be saved first. */
    async inUse(tenantId: string, provider: CatalogProvider): Promise<ClientInUse | null> {
      const row = await savedRow(tenantId, provider.id);
      if (modeOf(provider, row) === 'custom') {
        if (!row?.clientId || !row.clientSecretSealed) return null;
        return {
          mode: 'custom',
          clientId: row.clientId,
          clientSecret: await cipher.open(
            row.clientSecretSealed,
            clientSecretBinding(tenantId, provider.id),
          ),
          extra: row.extra,
        };
      }
      const platform = options.platformClient(provider.id);
      return platform === null
        ? null
        : {
            mode: 'default',
            clientId: platform.clientId,
            clientSecret: platform.clientSecret,
            extra: {},
          };
    },
  };

  async function upsert(row: ClientRow): Promise<void> {
    await db
      .insert(oauthClients)
      .values(row)
      .onConflictDoUpdate({
        target: [oauthClients.tenantId, oauthClients.providerId],
        set: {
          mode: row.mode,
          clientId: row.clientId,
          clientSecretSealed: row.clientSecretSealed,
          extra: row.extra,
          updatedAt: row.updatedAt,
        },
      });
  }
}
