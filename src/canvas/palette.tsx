import { useReactFlow, useStoreApi } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { useId, type DragEvent } from 'react';
import type { Provider } from '../credentials/backend';
import { useProviders } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { newDataSourceNode } from './new-data-source-node';
import type { PipelineNode } from '../data-sources/pipeline-types';
import { ProviderIcon } from '../data-sources/provider-icon';

/** The drag payload type, so the canvas accepts only what the palette drags. */
export const paletteDragType = 'application/x-pipeline-connect-provider';

/** Props of {@link Palette}. */
export interface PaletteProps {
  className?: string;
  /** Called after a node was added (e.g. to announce it). */
  onAdd?: (node: PipelineNode, provider: Provider) => void;
  /** While the canvas is not mounted yet, nothing can be added. */
  disabled?: boolean;
}

/**
 * Adds a data-source node for any provider of the catalog: click (placed at the centre of the
 * view) or drag onto the canvas. Must be rendered inside React Flow's provider.
 */
export function Palette({ className, onAdd, disabled = false }: PaletteProps) {
  const messages = useMessages();
  const m = messages.canvas.palette;
  const providers = useProviders();
  const flow = useReactFlow<PipelineNode>();
  const store = useStoreApi<PipelineNode>();
  const titleId = useId();

  const addAtCentre = (provider: Provider) => {
    // The centre of what the user sees, in flow coordinates.
    const { width, height, transform } = store.getState();
    const [x, y, zoom] = transform;
    const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
    // Jitter so repeated clicks don't stack nodes exactly on top of each other.
    const offset = (flow.getNodes().length % 5) * 24;
    const node = newDataSourceNode(provider.id, {
      x: centre.x - 100 + offset,
      y: centre.y - 30 + offset,
    });
    flow.addNodes(node);
    onAdd?.(node, provider);
  };

  const onDragStart = (event: DragEvent, provider: Provider) => {
    event.dataTransfer.setData(paletteDragType, provider.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className={cn('pc-palette', className)} aria-labelledby={titleId}>
      <h2 id={titleId} className="pc-palette-title">
        {m.title}
      </h2>
      <p className="pc-palette-hint">{m.hint}</p>
      {providers.isPending ? <p className="pc-palette-hint">{m.loading}</p> : null}
      {providers.isError ? (
        <Alert
          action={
            <Button size="sm" onClick={() => void providers.refetch()}>
              {messages.common.retry}
            </Button>
          }
        >
          {m.error}
        </Alert>
      ) : null}
      {providers.data?.length === 0 ? <p className="pc-palette-hint">{m.empty}</p> : null}
      <ul className="pc-palette-list">
        {providers.data?.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              className="pc-palette-item"
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(event) => onDragStart(event, provider)}
              onClick={() => addAtCentre(provider)}
              aria-label={m.add({ name: provider.name })}
            >
              <ProviderIcon src={provider.icon} size={20} />
              <span>{provider.name}</span>
              <Plus aria-hidden size={14} className="pc-palette-plus" />
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
