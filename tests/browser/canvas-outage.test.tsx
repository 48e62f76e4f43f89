import { PipelineCanvas, type Pipeline, type PipelineNode } from 'pipeline-connect';
import { delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

/** A data-source node following the default, with the provider name it last saw (if any). */
function source(id: string, providerId: string, providerName?: string): PipelineNode {
  const data = { providerId, credentialId: null, ...(providerName ? { providerName } : {}) };
  return { id, type: 'dataSource', position: { x: 0, y: 0 }, data };
}

function Canvas({
  nodes,
  onPipelineChange,
}: {
  nodes: PipelineNode[];
  onPipelineChange?: (pipeline: Pipeline) => void;
}) {
  const laidOut = nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 90 } }));
  return (
    <div style={{ width: 1100, height: 600 }}>
      <PipelineCanvas
        defaultPipeline={{ nodes: laidOut, edges: [] }}
        onPipelineChange={onPipelineChange}
        panel={false}
      />
    </div>
  );
}

const node = (id: string) => page.getByTestId(`rf__node-${id}`);
/** The bar a node draws in place of a provider name it does not know, `null` when it has none. */
const placeholderLine = (id: string) => {
  const title = node(id).element().querySelector('.pc-node-title[data-placeholder]');
  return title && getComputedStyle(title, '::before').content !== 'none' ? title : null;
};
/** The reads retry twice (about 1.3 s in all) before a failure shows. */
const afterRetries = { timeout: 5000 };

describe('a data-source node in an outage', () => {
  it('keeps its provider’s last known name and says the service is unavailable', async () => {
    await renderWithBackend(
      <Canvas nodes={[source('known', 'jina-reader', 'Jina Reader'), source('new', 'notion')]} />,
      { scenario: 'outage' },
    );
    await expect.element(node('known'), afterRetries).toHaveTextContent('Service unavailable');
    await expect.element(node('known')).toHaveTextContent('Jina Reader');
    await expect.element(node('new')).toHaveTextContent('Service unavailable');
    // Nothing is known of the second node's provider: a placeholder line, not a guess.
    expect(placeholderLine('new')).not.toBeNull();
    await expect.element(page.getByText(/Unknown provider/)).not.toBeInTheDocument();
    expect(
      node('known').element().querySelector('[data-status]')?.getAttribute('data-status'),
    ).toBe('error');
  });

  it('says "Unknown provider" only when the loaded catalog lacks the provider', async () => {
    await renderWithBackend(<Canvas nodes={[source('gone', 'retired-provider', 'Retired')]} />);
    await expect.element(node('gone')).toHaveTextContent('Unknown provider (retired-provider)');
    await expect.element(node('gone')).toHaveTextContent('Provider unavailable');
  });

  it('shows the last known name or a placeholder line while the catalog loads', async () => {
    await renderWithBackend(
      <Canvas nodes={[source('known', 'firecrawl', 'Firecrawl'), source('new', 'notion')]} />,
      {
        handlers: [
          mockHttp.get('/providers', async () => {
            await delay('infinite');
          }),
        ],
      },
    );
    await expect.element(node('known')).toHaveTextContent('Checking connection…');
    await expect.element(node('known')).toHaveTextContent('Firecrawl');
    await expect.element(node('new')).toHaveTextContent('Checking connection…');
    expect(placeholderLine('new')).not.toBeNull();
    // The placeholder word is for screen readers only: on screen, the line stands in for it.
    const word = node('new').getByText('Data source', { exact: true });
    await expect.element(word).toBeInTheDocument();
    expect(getComputedStyle(word.element()).color).toBe('rgba(0, 0, 0, 0)');
  });
});

describe('the provider name a node remembers', () => {
  it('is written by the palette and kept current by the canvas, so the host persists it', async () => {
    const saved: Pipeline[] = [];
    await renderWithBackend(
      <Canvas
        nodes={[source('stale', 'notion', 'An old name')]}
        onPipelineChange={(pipeline) => saved.push(pipeline)}
      />,
    );
    const dataOf = (id: string) =>
      saved.at(-1)?.nodes.find((candidate) => candidate.id === id)?.data;
    await expect.poll(() => dataOf('stale')).toMatchObject({ providerName: 'Notion' });

    await page.getByRole('button', { name: 'Add Dropbox node' }).click();
    const added = () => saved.at(-1)?.nodes.find((n) => n.id.startsWith('source-dropbox'));
    await expect.poll(() => added()?.data).toMatchObject({ providerName: 'Dropbox' });
  });
});
