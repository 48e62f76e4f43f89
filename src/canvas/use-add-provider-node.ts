import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Provider } from '../credentials/backend';
import type { PipelineNode } from '../data-sources/pipeline-types';
import { newDataSourceNode } from './new-data-source-node';

/**
 * Adds a data-source node for a provider at the centre of what the user sees, remembering the
 * provider's name on the node, and returns it. Must be called inside React Flow's provider.
 */
export function useAddProviderNode(): (provider: Provider) => PipelineNode {
  const flow = useReactFlow<PipelineNode>();
  const store = useStoreApi<PipelineNode>();
  return (provider) => {
    // The centre of what the user sees, in flow coordinates.
    const { width, height, transform } = store.getState();
    const [x, y, zoom] = transform;
    const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
    // Jitter so repeated clicks don't stack nodes exactly on top of each other.
    const offset = (flow.getNodes().length % 5) * 24;
    const node = newDataSourceNode(
      provider.id,
      { x: centre.x - 100 + offset, y: centre.y - 30 + offset },
      provider.name,
    );
    flow.addNodes(node);
    return node;
  };
}
