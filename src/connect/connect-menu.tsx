import { ChevronDown, KeyRound, ShieldCheck } from 'lucide-react';
import type { Provider } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '../ui/menu';

/** Props of {@link ConnectMenu}. */
export interface ConnectMenuProps {
  provider: Provider;
  /** Must stay synchronous: Add OAuth opens its popup inside this click. */
  onAddOAuth: () => void;
  onAddApiKey: () => void;
  /** The trigger's words (default "Connect"). */
  label?: string;
  variant?: 'primary' | 'secondary';
  className?: string;
}

/**
 * **Connect**: offers the provider's methods (**Add OAuth**, **Add API Key**). A provider with a
 * single method gets a plain button that goes straight to it.
 */
export function ConnectMenu({
  provider,
  onAddOAuth,
  onAddApiKey,
  label,
  variant = 'primary',
  className,
}: ConnectMenuProps) {
  const messages = useMessages();
  const m = messages.panel.connect;
  const text = label ?? m.connect;
  const hasOAuth = provider.methods.includes('oauth2');
  const hasApiKey = provider.methods.includes('api_key');

  if (hasOAuth !== hasApiKey) {
    return (
      <Button
        variant={variant}
        className={className}
        onClick={hasOAuth ? onAddOAuth : onAddApiKey}
        aria-label={`${text}: ${hasOAuth ? m.addOAuth : m.addApiKey}`}
      >
        {text}
      </Button>
    );
  }
  if (!hasOAuth) return null;

  return (
    <Menu>
      <MenuTrigger asChild>
        <Button variant={variant} className={className}>
          {text}
          <ChevronDown aria-hidden size={14} />
        </Button>
      </MenuTrigger>
      <MenuContent>
        <MenuItem onSelect={onAddOAuth}>
          <ShieldCheck aria-hidden size={16} />
          {m.addOAuth}
        </MenuItem>
        <MenuItem onSelect={onAddApiKey}>
          <KeyRound aria-hidden size={16} />
          {m.addApiKey}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
