import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { connectionLabel } from '../data-sources/connection-label';
import { providerDisplayName } from '../data-sources/provider-display-name';
import type { DataSourceNode } from '../data-sources/pipeline-types';
import { ProviderIcon } from '../data-sources/provider-icon';
import { useConnectionState } from '../data-sources/use-connection-state';

/**
 * The data-source node: provider icon and name, and its connection state as text and colour
 * (`data-status` is the styling hook). It subscribes only to its own provider's slice of the
 * shared queries, so a credential change elsewhere does not re-render it.
 */
export const DataSourceNodeView = memo(function DataSourceNodeView({
  data,
  selected,
}: NodeProps<DataSourceNode>) {
  const messages = useMessages();
  const { state, provider, providerPending } = useConnectionState(
    data.providerId,
    data.credentialId,
  );
  const name = providerDisplayName(provider, providerPending, data.providerId, messages);
  return (
    <div
      className="pc-node pc-data-source-node"
      data-status={state.status}
      data-selected={selected ? '' : undefined}
    >
      <ProviderIcon src={provider?.icon} />
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
