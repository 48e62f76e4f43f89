import {
  DataSourceNodeView,
  PipelineCanvas,
  credentialKeys,
  type DataSourceNode,
} from 'pipeline-connect';
import { Profiler, type ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';

const renders = new Map<string, number>();

/** The real node, inside a Profiler that counts its commits (a host may wrap node types so). */
function CountedNode(props: ComponentProps<typeof DataSourceNodeView>) {
  return (
    <Profiler id={props.id} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
      <DataSourceNodeView {...props} />
    </Profiler>
  );
}
const countedTypes = { dataSource: CountedNode };

const providers = ['notion', 'jina-reader', 'firecrawl', 'google-drive', 'dropbox', 'onedrive'];

/** How many nodes React Flow has measured (it keeps a node hidden until it has). */
const measuredNodes = () =>
  [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter(
    (element) => element.style.visibility === 'visible',
  ).length;

describe('re-render scope', () => {
  it('re-renders only the nodes of the provider whose credentials changed', async () => {
    const nodes: DataSourceNode[] = Array.from({ length: 24 }, (_, i) => ({
      id: `n${i}`,
      type: 'dataSource',
      position: { x: (i % 6) * 240, y: Math.floor(i / 6) * 90 },
      data: { providerId: providers[i % 6]!, credentialId: null },
    }));
    const { store, queryClient, backend } = await renderWithBackend(
      <div style={{ width: 1200, height: 600 }}>
        <PipelineCanvas
          defaultPipeline={{ nodes, edges: [] }}
          nodeTypes={countedTypes}
          palette={false}
        />
      </div>,
    );
    await expect.element(page.getByTestId('rf__node-n23')).toHaveTextContent('Not connected');
    // Let React Flow measure every node (a node is shown once it has its dimensions, the last
    // commit it makes on its own), then count from zero.
    await expect.poll(measuredNodes).toBe(nodes.length);
    renders.clear();

    store.createApiKeyCredential('firecrawl', {
      name: 'Crawler',
      values: { firecrawl_api_key: 'fc-3471674c2332eb838d459fe0d2e64beb', base_url: '' },
    });
    await queryClient.invalidateQueries({ queryKey: credentialKeys.credentials(backend) });
    await expect.element(page.getByTestId('rf__node-n2')).toHaveTextContent('Connected · Crawler');

    const firecrawlNodes = nodes.filter((n) => n.data.providerId === 'firecrawl').map((n) => n.id);
    const rerendered = [...renders.keys()].sort();
    expect(rerendered).toEqual([...firecrawlNodes].sort());
  });
});
