import type { NodeChange } from '@xyflow/react';

/*
 * Counts the node changes React Flow reports while a canvas mounts. Every `dimensions` batch
 * means React Flow measured nodes again and the canvas re-rendered with new node objects, so
 * this tells a one-pass mount from one where nodes resize after their data arrives.
 */

let batches = 0;
let dimensionChanges = 0;

export function recordNodeChanges(changes: NodeChange[]): void {
  const dimensions = changes.filter((change) => change.type === 'dimensions').length;
  if (dimensions === 0) return;
  batches += 1;
  dimensionChanges += dimensions;
}

export function resetNodeChanges(): void {
  batches = 0;
  dimensionChanges = 0;
}

export const nodeChangeCounts = () => ({ batches, dimensionChanges });
