import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useId, useRef } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { connectionLabel } from '../data-sources/connection-label';
import { numberedNodeLabel } from '../data-sources/node-numbers';
import type { DataSourceNode } from '../data-sources/pipeline-types';
import { ProviderIcon } from '../data-sources/provider-icon';
import { StatusIndicator } from '../data-sources/status-indicator';
import { useConnectionState } from '../data-sources/use-connection-state';
import { useLabelNodeWrapper } from './use-label-node-wrapper';
import { useNodeLabelIndex } from './use-node-label-index';

/**
 * The data-source node: provider icon and name (numbered when its provider has several nodes),
 * and its connection state as words, a shape and a colour (`data-status` is the styling hook).
 * Both lines end in an ellipsis when too long; the whole text is their `title` and the node's
 * accessible name. It subscribes only to its own provider's slice of the shared queries, so a
 * credential change elsewhere does not re-render it.
 */
export const DataSourceNodeView = memo(function DataSourceNodeView({
  id,
  data,
  selected,
}: NodeProps<DataSourceNode>) {
  const messages = useMessages();
  const { state, provider, name, namePlaceholder } = useConnectionState(
    data.providerId,
    data.credentialId,
    data.providerName,
  );
  const title = numberedNodeLabel(name, useNodeLabelIndex(id), messages);
  const status = connectionLabel(state, messages);
  const viewRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const statusId = useId();
  useLabelNodeWrapper(viewRef, `${titleId} ${statusId}`);
  return (
    <div
      ref={viewRef}
      className="pc-node pc-data-source-node"
      data-status={state.status}
      data-selected={selected ? '' : undefined}
    >
      <ProviderIcon src={provider?.icon} />
      <div className="pc-node-text">
        {namePlaceholder ? (
          // Nothing is known of the provider yet: a fixed-size line rather than a generic word.
          <span id={titleId} className="pc-node-title" data-skeleton="">
            <span className="pc-skeleton" aria-hidden />
            <span className="pc-visually-hidden">{name}</span>
          </span>
        ) : (
          <span id={titleId} className="pc-node-title" title={title}>
            {title}
          </span>
        )}
        <span className="pc-node-status">
          <StatusIndicator status={state.status} />
          <span id={statusId} className="pc-node-status-text" title={status}>
            {status}
          </span>
        </span>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
