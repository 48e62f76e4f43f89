import {
  SECRET_MASK,
  type OAuthClientSettings,
  type SaveOAuthClientInput,
} from '../../src/credentials/backend';
import { hasControlCharacter, hasFormatCharacter } from '../../src/rules/characters';
import { checkFieldValues } from '../../src/rules/field-values';
import { checkSecret } from '../../src/rules/secrets';
import { validationFailed } from './http-error';
import { oauthClientOf, requireOAuth, requireProvider } from './provider-catalog';
import type { StoreState, StoredOAuthClient } from './state';

/** Where the simulated providers send the browser back: the demo's completion page. */
export function redirectUriFor(origin: string): string {
  return `${origin}/oauth-callback.html`;
}

/** The settings as the API shows them, the client secret masked. */
export function oauthClientView(
  state: StoreState,
  providerId: string,
  origin: string,
): OAuthClientSettings {
  const provider = requireProvider(providerId);
  const oauth = requireOAuth(provider);
  const client = oauthClientOf(state, provider);
  return {
    providerId: provider.id,
    mode: client.mode,
    hasPlatformClient: oauth.hasPlatformClient,
    custom: client.custom && {
      clientId: client.custom.clientId,
      clientSecret: SECRET_MASK,
      extra: { ...client.custom.extra },
    },
    redirectUri: redirectUriFor(origin),
  };
}

/**
 * Saves Default or Custom. Custom needs a Client ID and, for a new client, a Client Secret (the
 * mask or no secret keeps a saved one). Choosing Default keeps the saved custom client so the
 * user can switch back without typing it again.
 */
export function saveOAuthClient(
  state: StoreState,
  providerId: string,
  input: SaveOAuthClientInput,
): void {
  const provider = requireProvider(providerId);
  const oauth = requireOAuth(provider);
  const saved = oauthClientOf(state, provider);

  if (input.mode === 'default') {
    if (!oauth.hasPlatformClient) {
      throw validationFailed({
        mode: `${provider.name} has no default client; set up a custom one.`,
      });
    }
    state.oauthClients[provider.id] = { mode: 'default', custom: saved.custom };
    return;
  }

  const fieldErrors: Record<string, string> = {};
  const clientId = (input.clientId ?? '').trim();
  if (clientId === '') fieldErrors.clientId = 'Client ID is required.';
  else if (/\s/u.test(clientId)) fieldErrors.clientId = 'Client ID must not contain spaces.';
  else if (hasControlCharacter(clientId) || hasFormatCharacter(clientId))
    fieldErrors.clientId = 'Client ID must contain only printable characters.';

  const secret = clientSecretToStore(input.clientSecret, saved);
  if (typeof secret === 'object') fieldErrors.clientSecret = secret.error;

  const extra = checkFieldValues(oauth.clientFields, input.extra ?? {}, {
    previous: saved.custom?.extra,
  });
  if (!extra.ok) Object.assign(fieldErrors, extra.fieldErrors);

  if (Object.keys(fieldErrors).length > 0 || typeof secret === 'object' || !extra.ok) {
    throw validationFailed(fieldErrors);
  }
  const custom: NonNullable<StoredOAuthClient['custom']> = {
    clientId,
    clientSecret: secret,
    extra: {},
  };
  // Client fields are all text-like, so each value is stored as text.
  for (const [name, value] of Object.entries(extra.values)) custom.extra[name] = String(value);
  state.oauthClients[provider.id] = { mode: 'custom', custom };
}

function clientSecretToStore(
  given: string | undefined,
  saved: StoredOAuthClient,
): string | { error: string } {
  const kept = saved.custom?.clientSecret;
  if ((given === undefined || given === SECRET_MASK) && kept !== undefined) return kept;
  const secret = (given ?? '').trim();
  if (secret === '' || secret === SECRET_MASK) return { error: 'Client Secret is required.' };
  const problem = checkSecret(secret, 'Client Secret');
  return problem ? { error: problem.message } : secret;
}

/** Forgets the custom client: back to the platform's client, or to none where there is none. */
export function deleteOAuthClient(state: StoreState, providerId: string): void {
  const provider = requireProvider(providerId);
  requireOAuth(provider);
  delete state.oauthClients[provider.id];
}
