import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { resolveConnectionState, useMessages, type DataSourceNode } from 'pipeline-connect';
// Internal pieces, so the prototype renders exactly the library node's markup.
import { connectionLabel } from '../../../src/data-sources/connection-label';
import { ProviderIcon } from '../../../src/data-sources/provider-icon';
import { useProviderSlice } from './provider-slices';

/**
 * PROTOTYPE, bench only: `DataSourceNodeView` with the same markup, reading its provider's
 * slice from one canvas-wide store (one `useSyncExternalStore`) instead of three `useQuery`
 * observers per node.
 */
const SharedSliceDataSourceNode = memo(function SharedSliceDataSourceNode({
  data,
  selected,
}: NodeProps<DataSourceNode>) {
  const messages = useMessages();
  const slice = useProviderSlice(data.providerId);
  const state = resolveConnectionState({ ...slice, credentialId: data.credentialId });
  const name =
    slice.provider?.name ??
    (slice.providerStatus === 'pending'
      ? messages.canvas.dataSource
      : messages.canvas.unknownProviderName({ id: data.providerId }));
  return (
    <div
      className="pc-node pc-data-source-node"
      data-status={state.status}
      data-selected={selected ? '' : undefined}
    >
      <ProviderIcon src={slice.provider?.icon} />
      <div className="pc-node-text">
        <span className="pc-node-title">{name}</span>
        <span className="pc-node-status">
          <span className="pc-status-dot" aria-hidden />
          {connectionLabel(state, messages)}
        </span>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

/** Module scope: React Flow re-mounts every node when `nodeTypes` changes identity. */
export const sharedSliceNodeTypes = { dataSource: SharedSliceDataSourceNode };
