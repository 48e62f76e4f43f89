import { useQuery } from '@tanstack/react-query';
import { useCredentialsBackend } from '../credentials/backend-context';
import { oauthClientQueryOptions } from '../credentials/queries';
import { useMessages } from '../i18n/i18n-context';
import { checkRedirectOrigin } from '../oauth/redirect-uri-doctor';
import { Alert } from '../ui/alert';
import { CopyField } from '../ui/copy-field';

/**
 * The redirect URI to paste into the provider's console: read-only (focusing it selects it all)
 * with a copy button that confirms ("Copied") or says copying failed, announced in a live region.
 * Below it, the redirect-URI doctor warns, before any popup opens, when the sign-in would end on
 * another origin than this page (see `oauth/redirect-uri-doctor.ts`).
 */
export function OAuthRedirectUri({ uri, providerName }: { uri: string; providerName: string }) {
  const m = useMessages().oauth.client;
  const mismatch = checkRedirectOrigin(uri, window.location.origin);
  return (
    <>
      <CopyField
        label={m.redirectUri}
        value={uri}
        help={m.redirectUriHelp}
        // Says which value is copied: "Copy" alone would not, to someone who hears only the button.
        copyLabel={m.copyRedirectUri}
      />
      {mismatch ? (
        <Alert tone="warning" className="pc-oauth-redirect-mismatch">
          {m.redirectOriginMismatch({ provider: providerName, ...mismatch })}
        </Alert>
      ) : null}
    </>
  );
}

/** {@link OAuthRedirectUri} for a provider, read from its OAuth client settings. */
export function ProviderRedirectUri({
  providerId,
  providerName,
}: {
  providerId: string;
  providerName: string;
}) {
  const backend = useCredentialsBackend();
  const settings = useQuery(oauthClientQueryOptions(backend, providerId));
  return settings.data ? (
    <OAuthRedirectUri uri={settings.data.redirectUri} providerName={providerName} />
  ) : null;
}
