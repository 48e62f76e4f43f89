import { CredentialList } from 'pipeline-connect';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
// Internal on purpose: the stand-in key formats the mock verifies keys with (no public export).
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { renderWithBackend } from '../support/render-with-backend';

/*
 * Health with its age on each credential row: when the provider last accepted an API key, when
 * an OAuth grant expires. The clock is the test's (Date and the shared ticking timer are faked;
 * React's own scheduling is not), so two hours can pass in a test.
 */

const START = new Date('2026-06-01T09:00:00Z');

afterEach(() => {
  vi.useRealTimers();
});

describe('a credential row’s health', () => {
  it('says when the key was last verified, and the age moves on as time passes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(START);
    const { screen } = await renderWithBackend(<CredentialList providerId="firecrawl" />, {
      prepare: (store) => {
        store.createApiKeyCredential('firecrawl', {
          name: 'Production',
          values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
        });
      },
    });
    const row = screen.getByRole('listitem', { name: 'Production' });
    const age = row.getByText(/^Verified/);
    await expect.element(age).toHaveTextContent(/^Verified now/);
    const full = age.element().getAttribute('title');
    expect(full).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(START),
    );
    // Screen readers hear the full date too.
    await expect.element(age).toHaveTextContent(`(${full})`);

    vi.setSystemTime(START.getTime() + 2 * 3_600_000);
    vi.advanceTimersByTime(30_000);
    await expect.element(age).toHaveTextContent(/^Verified 2 hours ago/);
  });

  it('says when an OAuth grant expired', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="google-drive" />, {
      seed: 'mixed',
    });
    const list = screen.getByRole('list', { name: 'Google Drive credentials' });
    await expect.element(list.getByText(/^Expired .* ago/).first()).toBeVisible();
  });

  it('speaks the content locale', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(START);
    const { screen } = await renderWithBackend(<CredentialList providerId="firecrawl" />, {
      locale: 'zh-Hans',
      prepare: (store) => {
        store.createApiKeyCredential('firecrawl', {
          name: 'Production',
          values: { firecrawl_api_key: exampleProviderKey('firecrawl') },
        });
      },
    });
    const row = screen.getByRole('listitem', { name: 'Production' });
    await expect.element(row.getByText(/已验证/)).toBeVisible();
    vi.setSystemTime(START.getTime() + 3 * 24 * 3_600_000);
    vi.advanceTimersByTime(30_000);
    await expect.element(row.getByText(/^已验证（3天前）/)).toBeVisible();
  });
});

describe('a grant’s refresh problems', () => {
  /** Google Drive's list as a backend answers it after its background refresh. */
  function listWith({ dated, ...problem }: { code: string; message: string; dated: boolean }) {
    const at = new Date(Date.now() - 10 * 60_000).toISOString();
    return mockHttp.get('/credentials', ({ response }) =>
      response(200).json({
        credentials: [
          {
            id: 'cred-drive',
            providerId: 'google-drive',
            name: 'Team drive',
            method: 'oauth2',
            status: 'active',
            account: 'ada@example.com',
            values: {},
            isDefault: true,
            version: 1,
            createdAt: at,
            updatedAt: at,
            expiresAt: new Date(Date.now() + 3 * 24 * 3_600_000 + 3_600_000).toISOString(),
            lastVerifiedAt: null,
            lastRefreshAt: null,
            lastError: { ...problem, at: dated ? at : null },
            // A grant stored before the backend recorded these: the problem alone tells.
            grantedScopes: null,
            refreshable: null,
          },
        ],
      }),
    );
  }

  it('a refused refresh says when, and what to do', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="google-drive" />, {
      handlers: [listWith({ code: 'invalid_grant', message: 'Revoked.', dated: true })],
    });
    await expect
      .element(screen.getByText(/^Refresh failed 10 minutes ago — re-authorize/))
      .toBeVisible();
  });

  it('a grant without a refresh token says it lapses at its expiry', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="google-drive" />, {
      handlers: [
        listWith({ code: 'no_refresh_token', message: 'No refresh token.', dated: false }),
      ],
    });
    await expect
      .element(screen.getByText(/^Expires in 3 days — re-authorize to renew/))
      .toBeVisible();
  });
});
