import {
  createPipelineConnectQueryClient,
  credentialsQueryOptions,
  providersQueryOptions,
  type CredentialsBackend,
} from 'pipeline-connect';
import type { QueryClient } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import type { MountOptions, MountResult } from '../shared/bench-api';
import { BaselineCanvas, LibraryCanvas } from './canvases';
import { mountedFlowHandle } from './flow-handle';
import { dataSourceNodes, defaultNodes } from './graph';
import { nodeChangeCounts, resetNodeChanges } from './node-changes';
import { profiledNodeTypes } from './profiled-node';
import { afterPaint, deadline, frames, nextFrame } from './timing';

const MOUNT_TIMEOUT_MS = 60_000;

interface Mounted {
  root: Root;
  container: HTMLElement;
  queryClient: QueryClient | null;
  count: number;
}

let mounted: Mounted | null = null;

export function currentMount(): Mounted {
  if (!mounted) throw new Error('Nothing is mounted');
  return mounted;
}

/**
 * React Flow has measured every node, and every node still in the DOM is shown (React Flow
 * hides a node until it is measured). Read from React Flow's store rather than by counting DOM
 * nodes, so a culled canvas (`onlyRenderVisibleElements`) is done once the nodes it keeps are.
 */
function allMeasured(container: HTMLElement, count: number): boolean {
  const flow = mountedFlowHandle();
  if (!flow || flow.measuredNodes() !== count) return false;
  return container.querySelector('.react-flow__node[style*="visibility: hidden"]') === null;
}

function noneLoading(container: HTMLElement): boolean {
  return container.querySelector('.pc-data-source-node[data-status="loading"]') === null;
}

function statusCounts(container: HTMLElement): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of container.querySelectorAll<HTMLElement>('.pc-data-source-node')) {
    const status = node.dataset.status ?? 'none';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/**
 * Mounts a fresh canvas (fresh React root, fresh QueryClient, so the library loads its state
 * from the backend as on a page load) and times it from `render()` to painted. The check runs
 * at the start of each frame; the stop time is taken after that frame's paint.
 */
export async function mountCanvas(
  options: MountOptions,
  backend: CredentialsBackend,
): Promise<MountResult> {
  await unmount();
  const container = document.createElement('div');
  document.getElementById('stage')!.append(container);
  const root = createRoot(container);
  const queryClient = options.kind === 'library' ? createPipelineConnectQueryClient() : null;
  mounted = { root, container, queryClient, count: options.count };
  const onlyRenderVisibleElements = options.onlyRenderVisibleElements ?? false;
  const ui = queryClient ? (
    <LibraryCanvas
      backend={backend}
      queryClient={queryClient}
      nodes={dataSourceNodes(options.count)}
      nodeTypes={options.profiled ? profiledNodeTypes : undefined}
      onlyRenderVisibleElements={onlyRenderVisibleElements}
      withStandaloneDialog={options.withStandaloneDialog ?? false}
    />
  ) : (
    <BaselineCanvas
      nodes={defaultNodes(options.count)}
      onlyRenderVisibleElements={onlyRenderVisibleElements}
      withDialog={options.withBaselineDialog ?? false}
    />
  );

  if (queryClient && options.warmCache) {
    await queryClient.prefetchQuery(providersQueryOptions(backend));
    await queryClient.prefetchQuery(credentialsQueryOptions(backend));
  }
  const limit = deadline(MOUNT_TIMEOUT_MS, `${options.count} ${options.kind} nodes to render`);
  resetNodeChanges();
  const start = performance.now();
  root.render(ui);
  let measuredMs: number | null = null;
  for (;;) {
    await nextFrame();
    if (limit.expired()) throw limit.error();
    if (!allMeasured(container, options.count)) continue;
    const done = afterPaint();
    const settled = options.kind === 'baseline' || noneLoading(container);
    const end = (await done) - start;
    measuredMs ??= end;
    if (settled) {
      return {
        measuredMs,
        settledMs: end,
        statusCounts: statusCounts(container),
        renderedNodes: container.querySelectorAll('.react-flow__node').length,
        ...nodeChangeCounts(),
      };
    }
  }
}

export async function unmount(): Promise<void> {
  if (!mounted) return;
  const { root, container, queryClient } = mounted;
  mounted = null;
  root.unmount();
  container.remove();
  queryClient?.clear();
  await frames(2);
}
