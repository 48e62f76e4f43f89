import { useStore, type Node, type ReactFlowState } from '@xyflow/react';
import { isDataSourceNode, type DataSourceNode } from '../data-sources/pipeline-types';

const selectedIn = new WeakMap<readonly Node[], DataSourceNode | null>();

/**
 * The selection of `state.nodes`, walked once per nodes array: the selector runs on every
 * change of React Flow's state, every frame of a pan or zoom among them.
 */
function selectedDataSource(state: ReactFlowState<Node>): DataSourceNode | null {
  const known = selectedIn.get(state.nodes);
  if (known !== undefined) return known;
  const found = findSelected(state.nodes);
  selectedIn.set(state.nodes, found);
  return found;
}

function findSelected(nodes: readonly Node[]): DataSourceNode | null {
  let found: DataSourceNode | null = null;
  for (const node of nodes) {
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
