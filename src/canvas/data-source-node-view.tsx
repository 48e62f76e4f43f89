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
 * default node's (icon, one block of two lines, the handle), with the same elements in every
 * state: only text and attributes change as the state arrives (the icon is a CSS background,
 * see ProviderIcon). It reads only its provider's slice of the canvas's one subscription, so a
 * credential change elsewhere does not re-render it, and every state has the same size, so
 * React Flow measures it once.
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
      <span className="pc-node-lines">
        {/*
         * With nothing known of the provider yet the title shows a placeholder bar (CSS) rather
         * than a generic word; the word stays in the text, unseen, for screen readers.
         */}
        <span
          id={titleId}
          className="pc-node-title"
          data-placeholder={namePlaceholder ? '' : undefined}
          title={namePlaceholder ? undefined : title}
        >
          {title}
        </span>
        <br />
        <span id={statusId} className="pc-node-status" title={status}>
          {status}
        </span>
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}, sameNodeProps);

/**
 * The view draws only its id, data and selection: React Flow's other props change when it
 * measures the node (width, height) and on every frame of a drag (position, dragging), and
 * re-rendering the view for those would do the work of a whole canvas again for nothing.
 */
function sameNodeProps(a: NodeProps<DataSourceNode>, b: NodeProps<DataSourceNode>): boolean {
  return a.id === b.id && a.data === b.data && a.selected === b.selected;
}
