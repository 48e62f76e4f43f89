import type { NodeProps } from '@xyflow/react';
import { memo, Profiler, type ProfilerOnRenderCallback } from 'react';
import { DataSourceNodeView, type DataSourceNode } from 'pipeline-connect';
import type { RenderCounts } from '../shared/bench-api';
import { providerOf } from './graph';

/*
 * Counts re-renders of the library's data-source node with React's <Profiler>, which reports
 * only in React's profiling build (the bench builds a second page with it). The wrapper is
 * memoised like the view itself, so the Profiler reports exactly when the view re-renders.
 */

let armed = false;
let callbacks = 0;
let duration = 0;
const renderedNodes = new Set<string>();

const onRender: ProfilerOnRenderCallback = (id, _phase, actualDuration) => {
  if (!armed) return;
  callbacks += 1;
  duration += actualDuration;
  renderedNodes.add(id);
};

const ProfiledDataSourceNode = memo(function ProfiledDataSourceNode(
  props: NodeProps<DataSourceNode>,
) {
  return (
    <Profiler id={props.id} onRender={onRender}>
      <DataSourceNodeView {...props} />
    </Profiler>
  );
});

/** Module scope: React Flow re-mounts every node when `nodeTypes` changes identity. */
export const profiledNodeTypes = { dataSource: ProfiledDataSourceNode };

export function armRenderCounter(): void {
  armed = true;
  callbacks = 0;
  duration = 0;
  renderedNodes.clear();
}

export function renderCounts(nodeCount: number): RenderCounts {
  const byProvider: RenderCounts['byProvider'] = {};
  for (let index = 0; index < nodeCount; index += 1) {
    const entry = (byProvider[providerOf(index)] ??= { rendered: 0, total: 0 });
    entry.total += 1;
    if (renderedNodes.has(`ds-${index}`)) entry.rendered += 1;
  }
  return { byProvider, actualDurationMs: duration, callbacks };
}
