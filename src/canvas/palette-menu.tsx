import { Plus } from 'lucide-react';
import type { Provider } from '../credentials/backend';
import { ProviderIcon } from '../data-sources/provider-icon';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '../ui/menu';

/** Props of {@link PaletteMenu}. */
export interface PaletteMenuProps {
  providers: Provider[];
  disabled: boolean;
  onAdd: (provider: Provider) => void;
}

/**
 * The palette folded into one button for phone widths, where a 200 px column would leave no
 * room for the canvas. The button opens the providers as a menu (arrows, Enter, Escape; focus
 * returns to the button when it closes).
 */
export function PaletteMenu({ providers, disabled, onAdd }: PaletteMenuProps) {
  const m = useMessages().canvas.palette;
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button className="pc-palette-open" disabled={disabled || providers.length === 0}>
          <Plus aria-hidden size={16} />
          {m.open}
        </Button>
      </MenuTrigger>
      <MenuContent>
        {providers.map((provider) => (
          <MenuItem
            key={provider.id}
            onSelect={() => onAdd(provider)}
            aria-label={m.add({ name: provider.name })}
          >
            <ProviderIcon src={provider.icon} size={18} />
            {provider.name}
          </MenuItem>
        ))}
      </MenuContent>
    </Menu>
  );
}
