import { useId } from 'react';
import type { Provider } from '../credentials/backend';
import { useProviders } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import type { PipelineNode } from '../data-sources/pipeline-types';
import { PaletteMenu } from './palette-menu';
import { PaletteToolbar } from './palette-toolbar';
import { useAddProviderNode } from './use-add-provider-node';
import { useNarrowViewport } from './use-narrow-viewport';

/** Props of {@link Palette}. */
export interface PaletteProps {
  className?: string;
  /** Called after a node was added (e.g. to announce it). */
  onAdd?: (node: PipelineNode, provider: Provider) => void;
  /** Disables adding (e.g. a read-only pipeline). */
  disabled?: boolean;
}

/**
 * Adds a data-source node for any provider of the catalog: click (placed at the centre of the
 * view) or drag onto the canvas. The providers are one toolbar (one Tab stop, arrow keys move);
 * at phone width (≤ 640 px) the palette folds into an "Add data source" button that opens them
 * as a menu. Must be rendered inside React Flow's provider.
 */
export function Palette({ className, onAdd, disabled = false }: PaletteProps) {
  const messages = useMessages();
  const m = messages.canvas.palette;
  const providers = useProviders();
  const addNode = useAddProviderNode();
  const narrow = useNarrowViewport();
  const titleId = useId();

  const add = (provider: Provider) => {
    const node = addNode(provider);
    onAdd?.(node, provider);
  };
  const list = providers.data ?? [];

  return (
    <aside
      className={cn('pc-palette', className)}
      aria-labelledby={titleId}
      data-folded={narrow ? '' : undefined}
    >
      <h2 id={titleId} className={narrow ? 'pc-visually-hidden' : 'pc-palette-title'}>
        {m.title}
      </h2>
      {narrow ? null : <p className="pc-palette-hint">{m.hint}</p>}
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
      {narrow ? (
        providers.isSuccess ? (
          <PaletteMenu providers={list} disabled={disabled} onAdd={add} />
        ) : null
      ) : (
        <PaletteToolbar providers={list} disabled={disabled} labelledBy={titleId} onAdd={add} />
      )}
    </aside>
  );
}
