import { PipelineCanvas, type PipelineNode } from 'pipeline-connect';
import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

const providers = ['notion', 'jina-reader', 'firecrawl', 'google-drive', 'dropbox', 'onedrive'];
const nodes: PipelineNode[] = providers.map((providerId, i) => ({
  id: providerId,
  type: 'dataSource',
  position: { x: 0, y: i * 90 },
  data: { providerId, credentialId: null },
}));

const node = (id: string) => page.getByTestId(`rf__node-${id}`);
const sizeOf = (id: string) => {
  const { width, height } = node(id).element().getBoundingClientRect();
  return { width, height };
};

describe('a freshly mounted canvas', () => {
  it('shows its nodes before the state arrives, at their final size, measured once', async () => {
    // The catalog and the credentials answer only when the test lets them.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const held = async () => {
      await answered;
      return undefined;
    };
    const measurements = new Map<string, number>();
    const countMeasurements = (changes: NodeChange<PipelineNode>[]) => {
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          measurements.set(change.id, (measurements.get(change.id) ?? 0) + 1);
        }
      }
    };
    await renderWithBackend(
      <div style={{ width: 1100, height: 700 }}>
        <PipelineCanvas
          defaultPipeline={{ nodes, edges: [] }}
          onNodesChange={countMeasurements}
          panel={false}
        />
      </div>,
      { handlers: [mockHttp.get('/providers', held), mockHttp.get('/credentials', held)] },
    );

    // Every node is on screen while both requests are still unanswered, checking its connection.
    for (const { id } of nodes) {
      await expect.element(node(id)).toBeVisible();
      await expect.element(node(id)).toHaveTextContent('Checking connection…');
    }
    const loading = new Map(nodes.map(({ id }) => [id, sizeOf(id)]));

    answer();
    for (const { id } of nodes) {
      await expect.element(node(id)).toHaveTextContent('Not connected');
    }
    await expect.element(node('jina-reader')).toHaveTextContent('Jina Reader');
    for (const { id } of nodes) {
      expect(sizeOf(id)).toEqual(loading.get(id));
      // React Flow measured each node once, when it mounted, and never again.
      expect(measurements.get(id)).toBe(1);
    }
  });
});
