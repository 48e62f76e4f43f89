/**
 * The stand-in provider's account page: the apps that have access to the signed-in account, each
 * with **Remove access** — what Google's "Third-party apps with account access" or Dropbox's
 * "Connected apps" offer. Removing access ends the app's grants and every token of them, so the
 * app's next refresh fails with `invalid_grant`: how a real user revokes an integration, and how
 * the journeys reach an expired credential on the real stack.
 */
import { escapeHtml, renderPage } from './stand-in-consent-page.ts';

/** One app with access to the account. */
export interface ConnectedApp {
  clientId: string;
  /** Whether it is the platform's own client (shown by the app's name). */
  isPlatformClient: boolean;
  /** How many times access was granted and not removed (a grant per consent). */
  grants: number;
}

/** What the account page shows. */
export interface AccountPageContent {
  appName: string;
  providerName: string;
  /** The signed-in account ("ada@example.com", "Ada's Workspace"). */
  account: string;
  apps: readonly ConnectedApp[];
  /** Where **Remove access** posts (`client_id=<id>`). */
  formAction: string;
  /** The client whose access was just removed, to confirm it. */
  removed: string | null;
}

/** The account page: the connected apps, each with a **Remove access** button of its own form. */
export function renderAccountPage(content: AccountPageContent): string {
  const app = escapeHtml(content.appName);
  const provider = escapeHtml(content.providerName);
  const rows = content.apps
    .map((entry) => {
      const id = escapeHtml(entry.clientId);
      const label = entry.isPlatformClient ? `${app} (<code>${id}</code>)` : `<code>${id}</code>`;
      const times = entry.grants === 1 ? '1 grant' : `${entry.grants} grants`;
      return `    <li data-client="${id}">
      <form method="post" action="${escapeHtml(content.formAction)}">
        <input type="hidden" name="client_id" value="${id}">
        <p>${label} · ${times}</p>
        <button type="submit" class="primary" aria-label="Remove access of ${id}">Remove access</button>
      </form>
    </li>`;
    })
    .join('\n');
  const notice = content.removed
    ? `<p role="status" data-testid="access-removed">Access of <code>${escapeHtml(content.removed)}</code> was removed.</p>`
    : '';
  const list = rows
    ? `<ul aria-labelledby="apps-title">\n${rows}\n  </ul>`
    : '<p data-testid="no-apps">No app has access to your account.</p>';
  return renderPage(
    `${content.providerName} account`,
    `<main aria-labelledby="account-title">
  <p class="provider">${provider} account</p>
  <h1 id="account-title">Apps with access to your account</h1>
  <p class="account" data-testid="consent-account">Signed in as <strong>${escapeHtml(content.account)}</strong></p>
  ${notice}
  <h2 id="apps-title">Connected apps</h2>
  ${list}
  <p class="fineprint">A stand-in ${provider} for Pipeline Connect's development and tests: it never leaves this machine.</p>
</main>`,
  );
}
