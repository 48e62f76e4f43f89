import type { NodeChange } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useProviders } from '../data-sources/use-credentials';
import { isDataSourceNode, type PipelineNode } from '../data-sources/pipeline-types';

/*
 * Each data-source node keeps its provider's name in `data.providerName`, so it can still say
 * which provider it reads when the catalog cannot be loaded on a later visit. The name is
 * needed in what the host persists, not on screen (the view reads the catalog while it can), so
 * an uncontrolled canvas adds it to the pipeline it reports (`onPipelineChange`) and leaves its
 * own nodes alone: writing it into React Flow's nodes re-rendered every node of a canvas right
 * after it mounted. A controlled canvas has no report of its own: the host's nodes get it as
 * React Flow `replace` changes.
 */

/** The catalog's names by provider id, `undefined` until it has loaded. */
function useCatalogNames(): ReadonlyMap<string, string> | undefined {
  const providers = useProviders();
  return useMemo(
    () => providers.data && new Map(providers.data.map((p) => [p.id, p.name])),
    [providers.data],
  );
}

/** `node` with the catalog's name for its provider, `null` when it already has it (or none). */
function named(node: PipelineNode, names: ReadonlyMap<string, string>): PipelineNode | null {
  if (!isDataSourceNode(node)) return null;
  const name = names.get(node.data.providerId);
  if (name === undefined || name === node.data.providerName) return null;
  return { ...node, data: { ...node.data, providerName: name } };
}

/** `nodes` with each data-source node's `providerName` up to date (the same array if all are). */
export function useNodesWithProviderNames(nodes: PipelineNode[]): PipelineNode[] {
  const names = useCatalogNames();
  return useMemo(() => {
    if (!names) return nodes;
    let changed = false;
    const result = nodes.map((node) => {
      const next = named(node, names);
      if (!next) return node;
      changed = true;
      return next;
    });
    return changed ? result : nodes;
  }, [nodes, names]);
}

/**
 * For a controlled canvas: sends the host `replace` changes for the data-source nodes whose
 * `providerName` differs from the catalog's, in one batch, once the catalog has loaded.
 */
export function useRememberProviderNames(
  nodes: PipelineNode[],
  apply: (changes: NodeChange<PipelineNode>[]) => void,
  enabled: boolean,
): void {
  const names = useCatalogNames();
  useEffect(() => {
    if (!enabled || !names) return;
    const changes: NodeChange<PipelineNode>[] = [];
    for (const node of nodes) {
      const item = named(node, names);
      if (item) changes.push({ type: 'replace', id: node.id, item });
    }
    if (changes.length > 0) apply(changes);
  }, [enabled, nodes, names, apply]);
}
