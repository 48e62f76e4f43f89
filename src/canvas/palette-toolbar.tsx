import { Plus } from 'lucide-react';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Provider } from '../credentials/backend';
import { ProviderIcon } from '../data-sources/provider-icon';
import { useMessages } from '../i18n/i18n-context';

/** The drag payload type, so the canvas accepts only what the palette drags. */
export const paletteDragType = 'application/x-pipeline-connect-provider';

/** Props of {@link PaletteToolbar}. */
export interface PaletteToolbarProps {
  providers: Provider[];
  disabled: boolean;
  /** The id of the palette's heading, which names the toolbar. */
  labelledBy: string;
  onAdd: (provider: Provider) => void;
}

/** The keys that move along the toolbar, and where each goes from `current` of `count`. */
function targetOf(key: string, current: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * The palette's providers as one toolbar: a single Tab stop (a roving tabindex), ↑/↓ (or ←/→)
 * move, Home/End jump, Enter or Space adds; a click adds too, and each item can be dragged onto
 * the canvas. Six buttons were six Tab stops before the first node.
 */
export function PaletteToolbar({ providers, disabled, labelledBy, onAdd }: PaletteToolbarProps) {
  const m = useMessages().canvas.palette;
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(active, Math.max(providers.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent) => {
    const target = targetOf(event.key, current, providers.length);
    if (target === undefined) return;
    event.preventDefault();
    setActive(target);
    items.current[target]?.focus();
  };
  const onDragStart = (event: DragEvent, provider: Provider) => {
    event.dataTransfer.setData(paletteDragType, provider.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <div
      role="toolbar"
      aria-orientation="vertical"
      aria-labelledby={labelledBy}
      className="pc-palette-list"
      onKeyDown={onKeyDown}
    >
      {providers.map((provider, index) => (
        <button
          key={provider.id}
          ref={(element) => {
            items.current[index] = element;
          }}
          type="button"
          className="pc-palette-item"
          tabIndex={index === current ? 0 : -1}
          draggable={!disabled}
          disabled={disabled}
          onFocus={() => setActive(index)}
          onDragStart={(event) => onDragStart(event, provider)}
          onClick={() => onAdd(provider)}
          aria-label={m.add({ name: provider.name })}
        >
          <ProviderIcon src={provider.icon} size={20} />
          <span className="pc-palette-item-name">{provider.name}</span>
          <Plus aria-hidden size={14} className="pc-palette-plus" />
        </button>
      ))}
    </div>
  );
}
