import { PipelineCanvas, type Pipeline, type PipelineNode } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

function source(id: string, providerId: string, credentialId: string | null = null): PipelineNode {
  return { id, type: 'dataSource', position: { x: 0, y: 0 }, data: { providerId, credentialId } };
}

function Canvas({ nodes }: { nodes: PipelineNode[] }) {
  const pipeline: Pipeline = {
    nodes: nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 90 } })),
    edges: [],
  };
  return (
    <div style={{ width: 1200, height: 700 }}>
      <PipelineCanvas defaultPipeline={pipeline} />
    </div>
  );
}

const node = (id: string) => page.getByTestId(`rf__node-${id}`);
const panel = (name: string) => page.getByRole('complementary', { name: `${name} connection` });

describe('side panel', () => {
  it('is closed until a node is selected, and closes on Escape and on the close button', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'notion')]} />);
    await expect.element(node('a')).toHaveTextContent('Not connected');
    expect(panel('Notion').query()).toBeNull();
    await node('a').click();
    await expect.element(panel('Notion')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(panel('Notion')).not.toBeInTheDocument();
    await node('a').click();
    await panel('Notion').getByRole('button', { name: 'Close panel' }).click();
    await expect.element(panel('Notion')).not.toBeInTheDocument();
  });

  it('offers Connect with both methods for a provider that has both', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'notion')]} />);
    await node('a').click();
    await panel('Notion').getByRole('button', { name: 'Connect' }).click();
    await expect.element(page.getByRole('menuitem', { name: 'Add OAuth' })).toBeVisible();
    await expect.element(page.getByRole('menuitem', { name: 'Add API Key' })).toBeVisible();
    await page.getByRole('menuitem', { name: 'Add API Key' }).click();
    await expect.element(page.getByRole('dialog', { name: 'Add API Key' })).toBeVisible();
  });

  it('goes straight to the one dialog when the provider has a single method', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'firecrawl')]} />);
    await node('a').click();
    await panel('Firecrawl')
      .getByRole('button', { name: /Connect/ })
      .click();
    await expect.element(page.getByRole('dialog', { name: 'Add API Key' })).toBeVisible();
    expect(page.getByRole('menu').query()).toBeNull();
  });

  it('shows the credential a connected node uses, offers the default once, and switches it', async () => {
    await renderWithBackend(
      <Canvas nodes={[source('a', 'firecrawl', 'cred-firecrawl-production')]} />,
      {
        seed: 'mixed',
      },
    );
    await node('a').click();
    const select = panel('Firecrawl').getByRole('combobox', { name: 'Credential' });
    await expect.element(select).toHaveTextContent('Firecrawl production');
    await select.click();
    // One "Use the default" entry, then each credential by its name alone; the default one
    // says so in its secondary line rather than as a second "(default)" entry.
    const options = page.getByRole('option');
    await expect
      .element(options.first())
      .toHaveAccessibleName('Use the default (Firecrawl production)');
    expect(page.getByRole('option', { name: /^Use the default/ }).elements()).toHaveLength(1);
    expect(page.getByRole('option', { name: /\(default\)/i }).elements()).toHaveLength(0);
    await expect
      .element(page.getByRole('option', { name: /^Firecrawl production/ }))
      .toHaveTextContent(/^Firecrawl production\s*Default$/);
    expect(options.elements()).toHaveLength(3);
    await page.getByRole('option', { name: /^Self-hosted crawler/ }).click();
    await expect.element(node('a')).toHaveTextContent('Connected · Self-hosted crawler');
  });

  it('asks to re-authorize an expired OAuth credential', async () => {
    await renderWithBackend(
      <Canvas nodes={[source('a', 'google-drive', 'cred-google-drive-expired')]} />,
      {
        seed: 'mixed',
      },
    );
    await node('a').click();
    await expect.element(panel('Google Drive').getByText(/has expired/)).toBeVisible();
    await expect
      .element(panel('Google Drive').getByRole('button', { name: 'Re-authorize' }).first())
      .toBeVisible();
  });

  it('says the credential was deleted and lets the user pick another', async () => {
    await renderWithBackend(
      <Canvas nodes={[source('a', 'firecrawl', 'cred-that-was-deleted')]} />,
      {
        seed: 'mixed',
      },
    );
    await node('a').click();
    await expect.element(panel('Firecrawl').getByText(/was deleted/)).toBeVisible();
    await panel('Firecrawl').getByRole('combobox', { name: 'Credential' }).click();
    await page.getByRole('option', { name: /^Firecrawl production/ }).click();
    await expect.element(node('a')).toHaveTextContent('Connected · Firecrawl production');
  });

  it('explains a provider that left the catalog and can delete the node', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'retired-provider')]} />);
    await node('a').click();
    const p = page.getByRole('complementary', { name: /retired-provider/ });
    await expect.element(p.getByText(/no longer available/)).toBeVisible();
    await p.getByRole('button', { name: 'Delete node' }).click();
    await expect.element(node('a')).not.toBeInTheDocument();
  });

  it('says the service is unavailable with its words when the credentials cannot load, and recovers', async () => {
    let fail = true;
    await renderWithBackend(<Canvas nodes={[source('a', 'notion')]} />, {
      handlers: [
        mockHttp.get('/credentials', () =>
          fail
            ? errorResponse(500, { code: 'server_error', message: 'Down', retryable: false })
            : undefined,
        ),
      ],
    });
    await node('a').click();
    const alert = panel('Notion').getByRole('alert');
    await expect.element(alert).toHaveTextContent('The connection service is unavailable.');
    await expect.element(alert).toHaveTextContent('Down');
    fail = false;
    await panel('Notion').getByRole('button', { name: 'Try again' }).click();
    await expect.element(panel('Notion').getByRole('button', { name: 'Connect' })).toBeVisible();
  });

  it('shows a loading state while the credentials load', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await renderWithBackend(<Canvas nodes={[source('a', 'notion')]} />, {
      handlers: [
        mockHttp.get('/credentials', async () => {
          // Held until the loading state was seen; then the happy-path handler answers.
          await released;
          return undefined;
        }),
      ],
    });
    await node('a').click();
    await expect.element(panel('Notion').getByText('Checking connection…')).toBeVisible();
    release();
    await expect.element(panel('Notion').getByRole('button', { name: 'Connect' })).toBeVisible();
  });

  it('is reachable by keyboard: focus a node, Enter selects it and opens the panel', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'notion')]} />);
    await expect.element(node('a')).toHaveTextContent('Not connected');
    (node('a').element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(panel('Notion')).toBeVisible();
  });
});
