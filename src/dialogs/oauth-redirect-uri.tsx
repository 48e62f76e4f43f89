import { useMessages } from '../i18n/i18n-context';
import { CopyField } from '../ui/copy-field';

/**
 * The redirect URI to paste into the provider's console: read-only (focusing it selects it all)
 * with a copy button that confirms ("Copied") or says copying failed, announced in a live region.
 */
export function OAuthRedirectUri({ uri }: { uri: string }) {
  const m = useMessages().oauth.client;
  return (
    <CopyField
      label={m.redirectUri}
      value={uri}
      help={m.redirectUriHelp}
      // Says which value is copied: "Copy" alone would not, to someone who hears only the button.
      copyLabel={m.copyRedirectUri}
    />
  );
}
