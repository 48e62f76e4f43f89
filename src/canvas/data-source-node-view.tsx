import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useId, useRef } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { connectionLabel } from '../data-sources/connection-label';
import { numberedNodeLabel } from '../data-sources/node-numbers';
import type { DataSourceNode } from '../data-sources/pipeline-types';
import { ProviderIcon } from '../data-sources/provider-icon';
import { useConnectionState } from '../data-sources/use-connection-state';
import { useLabelNodeWrapper } from './use-label-node-wrapper';
import { useNodeLabelIndex } from './use-node-label-index';

/**
 * The data-source node: provider icon and name (numbered when its provider has several nodes),
 * and its connection state as words, a mark and a colour, all styled from `data-status` (the
 * mark is the status line's `::before`). Both lines end in an ellipsis when too long; the whole
 * text is their `title` and the node's accessible name. Its markup is kept as small as a
 * default node's: one `<img>`, two lines of text, the handle. It reads only its provider's slice
 * of the canvas's one subscription, so a credential change elsewhere does not re-render it, and
 * every state has the same size, so React Flow measures it once.
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
      {namePlaceholder ? (
        // Nothing is known of the provider yet: a placeholder line (CSS) rather than a generic
        // word on screen; the word is there for screen readers.
        <span id={titleId} className="pc-node-title" data-placeholder="">
          <span className="pc-visually-hidden">{name}</span>
        </span>
      ) : (
        <span id={titleId} className="pc-node-title" title={title}>
          {title}
        </span>
      )}
      <span id={statusId} className="pc-node-status" title={status}>
        {status}
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
