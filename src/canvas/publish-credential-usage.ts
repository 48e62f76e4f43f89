import { useEffect } from 'react';
import { useProviders } from '../data-sources/use-credentials';
import { useCredentialUsageStore } from '../data-sources/credential-usage';
import { isDataSourceNode, type PipelineNode } from '../data-sources/pipeline-types';

/**
 * Publishes the canvas's data-source nodes to the usage store, so a delete confirmation anywhere
 * can list the nodes a credential serves. Nodes are named after their provider, numbered when a
 * provider appears more than once. `PipelineCanvas` calls it; a host that renders its own
 * `<ReactFlow>` with `dataSourceNodeTypes` calls it with its nodes, or delete confirmations
 * will say no node uses a credential.
 */
export function usePublishCredentialUsage(nodes: PipelineNode[]): void {
  const store = useCredentialUsageStore();
  const providers = useProviders();
  useEffect(() => {
    const names = new Map(providers.data?.map((p) => [p.id, p.name]));
    const dataSources = nodes.filter(isDataSourceNode);
    const perProvider = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const node of dataSources)
      totals.set(node.data.providerId, (totals.get(node.data.providerId) ?? 0) + 1);
    store.publish(
      dataSources.map((node) => {
        const index = (perProvider.get(node.data.providerId) ?? 0) + 1;
        perProvider.set(node.data.providerId, index);
        const name = names.get(node.data.providerId) ?? node.data.providerId;
        return {
          nodeId: node.id,
          label: (totals.get(node.data.providerId) ?? 0) > 1 ? `${name} #${index}` : name,
          providerId: node.data.providerId,
          credentialId: node.data.credentialId,
        };
      }),
    );
  }, [nodes, providers.data, store]);
  useEffect(() => () => store.publish([]), [store]);
}
