import {
  DataSourceSettings,
  EditCredentialDialog,
  OAuthClientSettingsDialog,
  useAllCredentials,
} from 'pipeline-connect';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';

const PHONE = { width: 390, height: 844 };

beforeEach(async () => {
  await page.viewport(PHONE.width, PHONE.height);
});
afterEach(async () => {
  // The browser tests' own size (vitest.config.ts), for the files that run after this one.
  await page.viewport(1280, 800);
});

/** The element spans the viewport's width, edge to edge, and nothing inside sticks out. */
function expectFullWidth(element: Element) {
  const rect = element.getBoundingClientRect();
  expect(rect.left).toBeCloseTo(0, 0);
  expect(rect.right).toBeCloseTo(window.innerWidth, 0);
  expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
}

function FirstCredentialEdit() {
  const credential = useAllCredentials().data?.[0];
  return credential ? <EditCredentialDialog credential={credential} defaultOpen /> : null;
}

describe('at phone width (390 × 844)', () => {
  it('the Edit dialog takes the full width and stays on screen', async () => {
    await renderWithBackend(<FirstCredentialEdit />, { seed: 'mixed' });
    const dialog = page.getByRole('dialog', { name: 'Edit credential' });
    await expect.element(dialog.getByLabelText('Authorization Name')).toBeVisible();
    expectFullWidth(dialog.element());
    const rect = dialog.element().getBoundingClientRect();
    expect(rect.top).toBeGreaterThanOrEqual(0);
    expect(rect.bottom).toBeLessThanOrEqual(window.innerHeight + 0.5);
  });

  it('OAuth Client Settings takes the full width, its footer buttons on screen', async () => {
    await renderWithBackend(
      <OAuthClientSettingsDialog providerId="onedrive" defaultOpen onAuthorize={() => {}} />,
    );
    const dialog = page.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog.getByLabelText('Client ID')).toBeVisible();
    expectFullWidth(dialog.element());
    for (const name of ['Cancel', 'Save', 'Save and Authorize']) {
      const button = dialog.getByRole('button', { name, exact: true }).element();
      expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
      expect(button.scrollWidth).toBeLessThanOrEqual(button.clientWidth);
    }
  });

  it('Settings fits the width: search, filter and every card inside the screen', async () => {
    await renderWithBackend(
      <div style={{ padding: 12 }}>
        <DataSourceSettings />
      </div>,
      { seed: 'mixed' },
    );
    const notion = page.getByRole('region', { name: 'Notion' });
    await expect.element(notion).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    const search = page.getByRole('searchbox', { name: 'Search data sources' }).element();
    // The search box has a line of its own, not the ~100 px it was squeezed into.
    expect(search.getBoundingClientRect().width).toBeGreaterThan(300);
    const filter = page.getByRole('combobox', { name: 'Show' }).element();
    expect(filter.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth - 12 + 0.5);
    for (const card of document.querySelectorAll('.pc-settings-card')) {
      const rect = card.getBoundingClientRect();
      expect(rect.right).toBeLessThanOrEqual(window.innerWidth - 12 + 0.5);
      expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
    }
  });
});
