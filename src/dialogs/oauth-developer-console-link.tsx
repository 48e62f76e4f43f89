import { ExternalLink } from 'lucide-react';
import { useMessages } from '../i18n/i18n-context';

/** Props of {@link OAuthDeveloperConsoleLink}. */
export interface OAuthDeveloperConsoleLinkProps {
  /** The provider's display name. */
  providerName: string;
  /** Where the provider's OAuth apps are registered, from the catalog (`oauth.developerConsoleUrl`). */
  url: string | undefined;
}

/** Only an https address is linked: the catalog comes over the network, and a `javascript:` or
 * plain-http link in a settings dialog would be a way in. */
function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A link to the provider's developer console, where the user registers the OAuth app whose
 * Client ID and Secret the custom client needs. Opens in a new tab (and says so), so the dialog
 * and what is typed in it stay. Renders nothing when the catalog gives no (https) address.
 */
export function OAuthDeveloperConsoleLink({ providerName, url }: OAuthDeveloperConsoleLinkProps) {
  const m = useMessages().oauth.client;
  if (!url || !isHttps(url)) return null;
  return (
    <p className="pc-oauth-console">
      <a href={url} target="_blank" rel="noreferrer" className="pc-oauth-console-link">
        {m.developerConsole({ provider: providerName })}
        <span className="pc-visually-hidden"> {m.opensInNewTab}</span>
        <ExternalLink aria-hidden size={14} />
      </a>
    </p>
  );
}
