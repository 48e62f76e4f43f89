import type { NodeChange } from '@xyflow/react';
import { useEffect } from 'react';
import { useProviders } from '../data-sources/use-credentials';
import { isDataSourceNode, type PipelineNode } from '../data-sources/pipeline-types';

/**
 * Keeps each data-source node's `providerName` equal to the catalog's name once the catalog
 * has loaded, so the node can still say which provider it reads when the catalog later cannot
 * be loaded. The updates go through `apply` as React Flow `replace` changes — one batch, only
 * for the nodes whose name differs — so a host that persists the pipeline stores them too.
 */
export function useRememberProviderNames(
  nodes: PipelineNode[],
  apply: (changes: NodeChange<PipelineNode>[]) => void,
): void {
  const providers = useProviders();
  useEffect(() => {
    if (!providers.data) return;
    const names = new Map(providers.data.map((provider) => [provider.id, provider.name]));
    const changes: NodeChange<PipelineNode>[] = [];
    for (const node of nodes) {
      if (!isDataSourceNode(node)) continue;
      const name = names.get(node.data.providerId);
      if (name === undefined || name === node.data.providerName) continue;
      changes.push({
        type: 'replace',
        id: node.id,
        item: { ...node, data: { ...node.data, providerName: name } },
      });
    }
    if (changes.length > 0) apply(changes);
  }, [nodes, providers.data, apply]);
}
