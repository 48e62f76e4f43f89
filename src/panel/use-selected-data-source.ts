import { useStore, type Node, type ReactFlowState } from '@xyflow/react';
import { isDataSourceNode, type DataSourceNode } from '../data-sources/pipeline-types';

function selectedDataSource(state: ReactFlowState<Node>): DataSourceNode | null {
  let found: DataSourceNode | null = null;
  for (const node of state.nodes) {
    if (!node.selected) continue;
    // The panel is for one node: a multi-selection shows nothing.
    if (found || !isDataSourceNode(node)) return null;
    found = node;
  }
  return found;
}

function sameNode(a: DataSourceNode | null, b: DataSourceNode | null) {
  return a === b || (a !== null && b !== null && a.id === b.id && a.data === b.data);
}

/** The one selected data-source node, or null; re-renders only when that node changes. */
export function useSelectedDataSource(): DataSourceNode | null {
  return useStore(selectedDataSource, sameNode);
}
