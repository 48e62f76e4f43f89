import type { Node } from '@xyflow/react';
import type { Messages } from '../i18n/messages';
import { isDataSourceNode } from './pipeline-types';

/** Where a data-source node stands among its provider's nodes: `index` of `total`, from 1. */
export interface NodeNumber {
  index: number;
  total: number;
}

const numbersByArray = new WeakMap<readonly Node[], ReadonlyMap<string, NodeNumber>>();

/**
 * Numbers the data-source nodes of each provider in the order of the nodes array (stable: a
 * drag does not renumber). The canvas's nodes and the delete dialog's list both read it, so
 * "Notion #2" names the same node in both. Cached per array: every node of a canvas asks with
 * the same array, which is then walked once.
 */
export function dataSourceNodeNumbers(nodes: readonly Node[]): ReadonlyMap<string, NodeNumber> {
  const cached = numbersByArray.get(nodes);
  if (cached) return cached;
  const totals = new Map<string, number>();
  for (const node of nodes) {
    if (isDataSourceNode(node)) {
      totals.set(node.data.providerId, (totals.get(node.data.providerId) ?? 0) + 1);
    }
  }
  const seen = new Map<string, number>();
  const numbers = new Map<string, NodeNumber>();
  for (const node of nodes) {
    if (!isDataSourceNode(node)) continue;
    const index = (seen.get(node.data.providerId) ?? 0) + 1;
    seen.set(node.data.providerId, index);
    numbers.set(node.id, { index, total: totals.get(node.data.providerId) ?? index });
  }
  numbersByArray.set(nodes, numbers);
  return numbers;
}

/**
 * A node's label: its provider's name, numbered ("Notion #2") when `index` is not 0. Views
 * pass 0 for a provider with a single node, which keeps its plain name.
 */
export function numberedNodeLabel(name: string, index: number, messages: Messages): string {
  return index > 0 ? messages.canvas.numberedNode({ name, index }) : name;
}

/** The number a node's label shows: its index among its provider's nodes, 0 when it is alone. */
export function nodeLabelIndex(nodes: readonly Node[], nodeId: string): number {
  const number = dataSourceNodeNumbers(nodes).get(nodeId);
  return number && number.total > 1 ? number.index : 0;
}
