import type { PipelineNode } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
// The stories' canvas frame: a fixed-size PipelineCanvas with the given nodes.
import { CanvasFrame } from '../../stories/support/canvas-frame';
import { renderWithBackend } from '../support/render-with-backend';

/** A Notion node as the demo saves it: with the provider's name last seen in the catalog. */
const notion: PipelineNode = {
  id: 'a',
  type: 'dataSource',
  position: { x: 0, y: 0 },
  data: { providerId: 'notion', credentialId: null, providerName: 'Notion' },
  selected: true,
};

const unavailable = () =>
  errorResponse(503, {
    code: 'service_unavailable',
    message: 'Down for maintenance until 14:00.',
    retryable: false,
  });

describe('side panel during an outage', () => {
  it('says the service is unavailable, in the server’s words, under the last known name; Try again recovers', async () => {
    let down = true;
    await renderWithBackend(<CanvasFrame nodes={[notion]} />, {
      handlers: [
        mockHttp.get('/providers', () => (down ? unavailable() : undefined)),
        mockHttp.get('/credentials', () => (down ? unavailable() : undefined)),
      ],
    });

    const panel = page.getByRole('complementary', { name: 'Notion connection' });
    await expect.element(panel.getByRole('heading', { name: 'Notion' })).toBeVisible();
    const alert = panel.getByRole('alert');
    await expect.element(alert).toHaveTextContent('The connection service is unavailable.');
    await expect.element(alert).toHaveTextContent('Down for maintenance until 14:00.');
    await expect.element(panel).not.toHaveTextContent(/Unknown provider|no longer available/);

    down = false;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect.element(panel.getByRole('button', { name: 'Connect' })).toBeVisible();
    await expect.element(panel.getByRole('alert')).not.toBeInTheDocument();
  });

  it('says "no longer available" only when the catalog loaded without the provider', async () => {
    const retired: PipelineNode = {
      ...notion,
      data: { providerId: 'retired-provider', credentialId: null, providerName: 'Retired' },
    };
    await renderWithBackend(<CanvasFrame nodes={[retired]} />);

    const panel = page.getByRole('complementary', { name: /connection$/ });
    await expect.element(panel.getByText(/no longer available/)).toBeVisible();
    await expect.element(panel.getByRole('button', { name: 'Delete node' })).toBeVisible();
    await expect.element(panel).not.toHaveTextContent('unavailable.');
  });
});
