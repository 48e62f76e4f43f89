import type { MockStore } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
// The stories' canvas frame: a fixed-size PipelineCanvas with the given nodes.
import { CanvasFrame, sourceNode } from '../../stories/support/canvas-frame';
import { credentialsSeenAs } from '../support/credentials-seen-as';
import { renderWithBackend } from '../support/render-with-backend';

const panel = (name: string) => page.getByRole('complementary', { name: `${name} connection` });

describe('side panel: expired and rejected credentials', () => {
  it('offers Re-authorize (not Edit) for a rejected OAuth grant, as an error', async () => {
    await renderWithBackend(<CanvasFrame nodes={[sourceNode('a', 'dropbox', null, true)]} />, {
      seed: 'mixed',
    });
    const alert = panel('Dropbox').getByRole('alert');
    await expect.element(alert).toHaveTextContent('Re-authorize it or connect another.');
    await expect.element(alert).toHaveAttribute('data-tone', 'error');
    const action = alert.getByRole('button', { name: 'Re-authorize' });
    await expect.element(action).toBeVisible();
    expect(getComputedStyle(action.element()).whiteSpace).toBe('nowrap');
    await expect.element(alert.getByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    // The row says the same, in the same colour family as the alert.
    const status = panel('Dropbox').getByRole('listitem').getByText('Invalid', { exact: true });
    await expect.element(status).toHaveAttribute('data-status', 'invalid');
  });

  it('offers Edit for a rejected API key, which opens the edit dialog', async () => {
    let store: MockStore | undefined;
    await renderWithBackend(
      <CanvasFrame nodes={[sourceNode('a', 'firecrawl', 'cred-firecrawl-production', true)]} />,
      {
        seed: 'mixed',
        prepare: (s) => {
          store = s;
        },
        handlers: [
          // The provider started refusing this key (the mock has no way to say so by itself).
          credentialsSeenAs(
            () => store,
            (c) =>
              c.id === 'cred-firecrawl-production' ? { ...c, status: 'invalid' as const } : c,
          ),
        ],
      },
    );
    const alert = panel('Firecrawl').getByRole('alert');
    await expect.element(alert).toHaveTextContent('Edit it or connect another.');
    await expect.element(alert).toHaveAttribute('data-tone', 'error');
    await alert.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit credential' });
    await expect
      .element(dialog.getByLabelText('Authorization Name'))
      .toHaveValue('Firecrawl production');
  });

  it('shows an expired grant as a warning, with Re-authorize', async () => {
    await renderWithBackend(<CanvasFrame nodes={[sourceNode('a', 'google-drive', null, true)]} />, {
      seed: 'mixed',
    });
    const alert = panel('Google Drive').getByText(/has expired/);
    await expect.element(alert).toBeVisible();
    const box = alert.element().closest('[data-slot="alert"]');
    expect(box?.getAttribute('data-tone')).toBe('warning');
    expect(box?.querySelector('button')?.textContent).toBe('Re-authorize');
  });
});
