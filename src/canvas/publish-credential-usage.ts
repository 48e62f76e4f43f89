import { useEffect } from 'react';
import { useProviders } from '../data-sources/use-credentials';
import { useCredentialUsageStore } from '../data-sources/credential-usage';
import { nodeLabelIndex, numberedNodeLabel } from '../data-sources/node-numbers';
import { isDataSourceNode, type PipelineNode } from '../data-sources/pipeline-types';
import { resolveProviderName } from '../data-sources/provider-display-name';
import { useMessages } from '../i18n/i18n-context';

/**
 * Publishes the canvas's data-source nodes to the usage store, so a delete confirmation anywhere
 * can list the nodes a credential serves. Each is labelled as the canvas titles it (the same
 * name and numbering: "Notion #2"). `PipelineCanvas` calls it; a host that renders its own
 * `<ReactFlow>` with `dataSourceNodeTypes` calls it with its nodes, or delete confirmations
 * will say no node uses a credential.
 */
export function usePublishCredentialUsage(nodes: PipelineNode[]): void {
  const store = useCredentialUsageStore();
  const providers = useProviders();
  const messages = useMessages();
  useEffect(() => {
    const catalog = new Map(providers.data?.map((p) => [p.id, p]));
    store.publish(
      nodes.filter(isDataSourceNode).map((node) => {
        const { providerId, credentialId, providerName } = node.data;
        const { name } = resolveProviderName(
          {
            provider: providers.data ? (catalog.get(providerId) ?? null) : undefined,
            status: providers.status,
            providerId,
            knownName: providerName,
          },
          messages,
        );
        return {
          nodeId: node.id,
          label: numberedNodeLabel(name, nodeLabelIndex(nodes, node.id), messages),
          providerId,
          credentialId,
        };
      }),
    );
  }, [nodes, providers.data, providers.status, store, messages]);
  useEffect(() => () => store.publish([]), [store]);
}
