import './consent-page.css';
import { useState } from 'react';
import { findProviderFixture, platformClientId } from '../fixtures';
import type { MockStore } from '../store';
import {
  allowAccess,
  authorizationResponseUrl,
  hasGranularConsent,
  OAuthProviderError,
  parseAuthorizationRequest,
  simulatedAccount,
  type AuthorizationRequest,
} from './provider';

/*
 * The simulated provider's consent page (what accounts.google.com or dropbox.com would show).
 * It plays a third party, so its words are the provider's, not Pipeline Connect's: they live
 * here rather than in the plugin's message catalogs.
 */

/** Scopes in the words the real providers use on their own consent screens. */
const scopeDescriptions: Readonly<Record<string, string>> = {
  'https://www.googleapis.com/auth/drive.readonly': 'See and download all your Google Drive files',
  'drive.readonly': 'See and download all your Google Drive files',
  profile: 'See your personal info, including any personal info you’ve made publicly available',
  email: 'See your primary Google Account email address',
  'files.metadata.read': 'View information about your Dropbox files and folders',
  'files.content.read': 'View content of your Dropbox files and folders',
  'account_info.read':
    'View basic information about your Dropbox account, such as your username, email and country',
  'Files.Read.All': 'Read all files that you can access',
  'User.Read': 'Sign you in and read your profile',
  offline_access: 'Maintain access to data you have given it access to',
  read_content: 'Read content in the pages and databases you share with it',
};

/** A scope in plain words; an unknown scope is shown as it is rather than hidden. */
export function describeScope(scope: string): string {
  return scopeDescriptions[scope] ?? scope;
}

/** Props of {@link ConsentPage}. */
export interface ConsentPageProps {
  /** The mock backend's store (the same localStorage every window of the origin uses). */
  store: MockStore;
  /** The authorization request URL; defaults to the page's own location. */
  url?: string;
  /** Where redirects go; defaults to `location.assign`. */
  navigate?: (url: string) => void;
}

type Parsed =
  | {
      ok: true;
      request: AuthorizationRequest;
      account: string;
      providerName: string;
      icon: string | null;
    }
  | { ok: false; title: string; detail: string };

function parse(url: string): Parsed {
  let request: AuthorizationRequest;
  try {
    request = parseAuthorizationRequest(url);
  } catch (error) {
    return {
      ok: false,
      title: 'This authorization request is not valid',
      detail:
        error instanceof OAuthProviderError
          ? `${error.code}: ${error.message}`
          : 'The request could not be read.',
    };
  }
  const provider = findProviderFixture(request.providerId);
  let account: string;
  try {
    account = simulatedAccount(request.providerId);
  } catch (error) {
    return {
      ok: false,
      title: 'Unknown provider',
      detail:
        error instanceof Error
          ? error.message
          : `There is no OAuth provider "${request.providerId}".`,
    };
  }
  // A provider only ever sends the code back to a registered address; in the mock, that is
  // this origin's completion page. Anything else would make this page an open redirect.
  let redirectOrigin: string | null = null;
  try {
    redirectOrigin = new URL(request.redirectUri).origin;
  } catch {
    redirectOrigin = null;
  }
  if (redirectOrigin !== new URL(url).origin) {
    return {
      ok: false,
      title: 'redirect_uri_mismatch',
      detail: 'The redirect URI in the request does not match the one registered for this app.',
    };
  }
  return {
    ok: true,
    request,
    account,
    providerName: provider?.name ?? request.providerId,
    icon: provider?.icon ?? null,
  };
}

/**
 * The mock provider's consent screen, served at `/oauth-provider/authorize.html` by the demo:
 * the app asking, the client it uses, the signed-in simulated account and the scopes in plain
 * words. **Allow Access** issues a code (written to the shared mock store) and redirects to the
 * app with `code` and `state`; **Cancel** redirects with `error=access_denied`. A malformed
 * request shows an error instead, as a real provider would.
 */
export function ConsentPage({ store, url, navigate }: ConsentPageProps) {
  const pageUrl = url ?? window.location.href;
  const go = navigate ?? ((target: string) => window.location.assign(target));
  const [parsed] = useState(() => parse(pageUrl));
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null);
  // What the user unticked on a granular consent page (Google's, Microsoft's): not granted.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (scope: string, granted: boolean) =>
    setUnticked((before) => {
      const after = new Set(before);
      if (granted) after.delete(scope);
      else after.add(scope);
      return after;
    });

  const error = failure ?? (parsed.ok ? null : parsed);
  if (error || !parsed.ok) {
    return (
      <main className="mock-consent" data-state="error">
        <section className="mock-consent-card" aria-labelledby="mock-consent-error-title">
          <h1 id="mock-consent-error-title" className="mock-consent-title">
            {error?.title}
          </h1>
          <p role="alert" className="mock-consent-error">
            {error?.detail}
          </p>
          <p className="mock-consent-fineprint">Close this window and start again from the app.</p>
        </section>
      </main>
    );
  }

  const { request, account, providerName, icon } = parsed;
  const isPlatformClient = request.clientId === platformClientId(request.providerId);
  const scopes = request.scope.split(' ').filter(Boolean);
  const granular = hasGranularConsent(request.providerId);

  const allow = () => {
    if (submitting) return;
    setSubmitting(true);
    try {
      go(
        allowAccess(store, request, granular ? scopes.filter((s) => !unticked.has(s)) : undefined),
      );
    } catch (caught) {
      setSubmitting(false);
      // RFC 6749 §4.1.2.1: an unknown client is shown here, never redirected.
      setFailure({
        title: caught instanceof OAuthProviderError ? caught.code : 'server_error',
        detail: caught instanceof Error ? caught.message : 'The code could not be issued.',
      });
    }
  };

  const deny = () => {
    if (submitting) return;
    setSubmitting(true);
    go(authorizationResponseUrl(request, { error: 'access_denied' }));
  };

  return (
    <main className="mock-consent" data-state="consent" data-provider={request.providerId}>
      <section className="mock-consent-card" aria-labelledby="mock-consent-title">
        <header className="mock-consent-header">
          {icon ? (
            <img className="mock-consent-icon" src={icon} alt="" width={32} height={32} />
          ) : null}
          <span className="mock-consent-provider">Sign in with {providerName}</span>
        </header>
        <h1 id="mock-consent-title" className="mock-consent-title">
          {request.appName} wants to access your {providerName} account
        </h1>
        <p className="mock-consent-account" data-testid="consent-account">
          <span className="mock-consent-avatar" aria-hidden>
            {account.charAt(0).toUpperCase()}
          </span>
          Signed in as <strong>{account}</strong>
        </p>
        <dl className="mock-consent-client">
          <dt>{isPlatformClient ? 'Client' : 'Client ID'}</dt>
          <dd data-testid="consent-client">
            {isPlatformClient ? (
              `${request.appName} (platform client)`
            ) : (
              <code>{request.clientId}</code>
            )}
          </dd>
        </dl>
        <h2 className="mock-consent-subtitle">This will allow {request.appName} to:</h2>
        <ul className="mock-consent-scopes" aria-label="Requested permissions">
          {scopes.map((scope) => (
            <li key={scope} data-scope={scope}>
              {granular ? (
                <label className="mock-consent-scope-choice">
                  <input
                    type="checkbox"
                    name="scope"
                    value={scope}
                    checked={!unticked.has(scope)}
                    onChange={(event) => toggle(scope, event.currentTarget.checked)}
                    disabled={submitting}
                  />
                  {describeScope(scope)}
                </label>
              ) : (
                describeScope(scope)
              )}
            </li>
          ))}
        </ul>
        <p className="mock-consent-fineprint">
          Make sure you trust {request.appName}. You can remove its access at any time in your{' '}
          {providerName} account settings.
        </p>
        <div className="mock-consent-actions">
          <button
            type="button"
            className="mock-consent-button"
            onClick={deny}
            disabled={submitting}
          >
            Cancel
          </button>
          <button
            type="button"
            className="mock-consent-button"
            data-variant="primary"
            onClick={allow}
            disabled={submitting}
          >
            Allow Access
          </button>
        </div>
        <p className="mock-consent-note">
          A simulated {providerName} for the Pipeline Connect demo: nothing leaves your browser.
        </p>
      </section>
    </main>
  );
}
