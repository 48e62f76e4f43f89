/**
 * The stand-in authorization server's pages, rendered on the server: the consent page (what
 * accounts.google.com or dropbox.com would show), its error page, and the frame of the account
 * page (`stand-in-account-page.ts`). They play a third party, so
 * their words are the provider's, in the seed's wording (the mock's simulated consent page,
 * `mocks/oauth-provider/consent-page.tsx`), and their look is neutral rather than Pipeline
 * Connect's. No scripts: two submit buttons of one form carry the decision.
 *
 * Every interpolated value is escaped: client ids of custom clients are typed by users.
 */
import { createHash } from 'node:crypto';

/** Scopes in the words the real providers use on their own consent screens (the mock's words). */
const scopeDescriptions: Readonly<Record<string, string>> = {
  'https://www.googleapis.com/auth/drive.readonly': 'See and download all your Google Drive files',
  profile: 'See your personal info, including any personal info you’ve made publicly available',
  email: 'See your primary Google Account email address',
  openid: 'Associate you with your personal info on Google',
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

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const styles = `
:root { color-scheme: light dark; --bg: #f1f3f4; --card: #fff; --fg: #202124; --muted: #5f6368;
  --border: #dadce0; --accent: #1a73e8; --accent-fg: #fff; --danger: #c5221f; }
@media (prefers-color-scheme: dark) { :root { --bg: #202124; --card: #2d2e31; --fg: #e8eaed;
  --muted: #bdc1c6; --border: #5f6368; --accent: #8ab4f8; --accent-fg: #202124; --danger: #f28b82; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; justify-content: center; align-items: flex-start;
  padding: 32px 16px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
main { width: min(100%, 440px); background: var(--card); border: 1px solid var(--border);
  border-radius: 8px; padding: 28px 28px 20px; }
.provider { color: var(--muted); margin: 0; }
h1 { font-size: 20px; font-weight: 500; margin: 16px 0 12px; }
h2 { font-size: 14px; font-weight: 500; margin: 0 0 8px; }
.account { margin: 0 0 16px; }
dl { display: flex; flex-wrap: wrap; gap: 4px 8px; margin: 0 0 16px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 0 0 16px; padding: 0; list-style: none; border-top: 1px solid var(--border); }
li { padding: 10px 0; border-bottom: 1px solid var(--border); }
li label { display: flex; align-items: center; gap: 10px; cursor: pointer; }
li input { width: 16px; height: 16px; margin: 0; flex: none; accent-color: var(--accent); }
.fineprint { color: var(--muted); font-size: 12px; }
.error { color: var(--danger); overflow-wrap: anywhere; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin: 20px 0 12px; }
button { font: inherit; font-weight: 500; padding: 8px 20px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--border); background: transparent; color: var(--accent); }
button[value='allow'], button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;

/**
 * The Content-Security-Policy of every page: nothing loads, nothing runs, only the page's own
 * inline stylesheet (by its hash) applies, and no other site may frame it (clickjacking a
 * consent page is the classic attack on one). No `form-action`: browsers apply it to the
 * redirect back to the app, whose origin varies.
 */
export const pageContentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(styles).digest('base64')}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A whole page around `body` (already escaped HTML), with the shared stylesheet. */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** What the consent page shows. */
export interface ConsentPageContent {
  /** The app asking for access ("Pipeline Connect"). */
  appName: string;
  /** The provider's name ("Google Drive"). */
  providerName: string;
  /** The client the app uses: its id, and whether it is the platform's own client. */
  clientId: string;
  isPlatformClient: boolean;
  /** The signed-in account ("ada@example.com", "Ada's Workspace"). */
  account: string;
  /** The requested scopes, as requested. */
  scopes: readonly string[];
  /** Whether each scope is a checkbox the user may untick (Google's and Microsoft's pages). */
  granular: boolean;
  /** Where the form posts the decision (the interaction's own URL). */
  formAction: string;
}

/**
 * The consent page: the app, the client, the account and each scope in plain words, and one form
 * whose **Allow Access** and **Cancel** buttons post `decision=allow` or `decision=cancel`. On a
 * granular page each scope is a checkbox (`scope=<scope>`, ticked at first) in that form, and
 * only the scopes left ticked are posted.
 */
export function renderConsentPage(content: ConsentPageContent): string {
  const app = escapeHtml(content.appName);
  const provider = escapeHtml(content.providerName);
  const scopes = content.scopes
    .map((scope) => {
      const words = escapeHtml(describeScope(scope));
      const item = content.granular
        ? `<label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${words}</label>`
        : words;
      return `      <li data-scope="${escapeHtml(scope)}">${item}</li>`;
    })
    .join('\n');
  const client = content.isPlatformClient
    ? `<code>${escapeHtml(content.clientId)}</code> (${app} platform client)`
    : `<code>${escapeHtml(content.clientId)}</code>`;
  return renderPage(
    `Sign in with ${content.providerName}`,
    `<main aria-labelledby="consent-title" data-provider="${provider}">
  <p class="provider">Sign in with ${provider}</p>
  <h1 id="consent-title">${app} wants to access your ${provider} account</h1>
  <p class="account" data-testid="consent-account">Signed in as <strong>${escapeHtml(content.account)}</strong></p>
  <dl>
    <dt>Client ID</dt>
    <dd data-testid="consent-client">${client}</dd>
  </dl>
  <form method="post" action="${escapeHtml(content.formAction)}">
    <h2 id="consent-scopes-title">This will allow ${app} to:</h2>
    <ul aria-labelledby="consent-scopes-title">
${scopes}
    </ul>
    <p class="fineprint">Make sure you trust ${app}. You can remove its access at any time in your ${provider} account settings.</p>
    <div class="actions">
      <button type="submit" name="decision" value="cancel">Cancel</button>
      <button type="submit" name="decision" value="allow">Allow Access</button>
    </div>
  </form>
  <p class="fineprint">A stand-in ${provider} for Pipeline Connect's development and tests: it never leaves this machine.</p>
</main>`,
  );
}

/** An error the authorization server shows rather than redirects (RFC 6749 §4.1.2.1). */
export interface ErrorPageContent {
  /** The OAuth error code, e.g. `invalid_client`, or a short title. */
  title: string;
  /** What went wrong, in words. */
  detail: string;
}

/** The error page: the error, its description, and what to do. */
export function renderErrorPage(content: ErrorPageContent): string {
  return renderPage(
    content.title,
    `<main aria-labelledby="error-title" data-state="error">
  <h1 id="error-title">${escapeHtml(content.title)}</h1>
  <p role="alert" class="error">${escapeHtml(content.detail)}</p>
  <p class="fineprint">Close this window and start again from the app.</p>
</main>`,
  );
}
