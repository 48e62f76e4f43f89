import { Ellipsis, KeyRound, Pencil, PlugZap, RefreshCw, Star, Trash } from 'lucide-react';
import { useRef, type Ref } from 'react';
import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from '../ui/menu';

/** What a credential row's menu can ask for. */
export type CredentialAction = 'rename' | 'edit' | 'test' | 'reauthorize' | 'setDefault' | 'delete';

/** Props of {@link CredentialActionsMenu}. */
export interface CredentialActionsMenuProps {
  credential: Credential;
  /** Offer **Re-authorize** (OAuth credentials only). */
  canReauthorize: boolean;
  /** Called once the menu has closed. */
  onAction: (action: CredentialAction) => void;
  /** The "More actions" button, e.g. to give focus back to it after an in-place rename. */
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A row's visible "More actions" button and its menu: Rename, Edit and Test connection (API
 * keys), Re-authorize
 * (OAuth, when offered), Set as default (unless it is), Delete. Keyboard: Enter/Space/↓ opens,
 * arrows move, Enter picks, Escape closes.
 */
export function CredentialActionsMenu({
  credential,
  canReauthorize,
  onAction,
  ref,
}: CredentialActionsMenuProps) {
  const messages = useMessages();
  const m = messages.manage;
  const chosen = useRef<CredentialAction | null>(null);
  // Picking only notes the action: it runs once the menu has closed (see onCloseAutoFocus).
  const choose = (action: CredentialAction) => {
    chosen.current = action;
  };

  return (
    <Menu>
      <MenuTrigger asChild>
        <Button
          ref={ref}
          size="icon"
          className="pc-credential-menu-trigger"
          aria-label={m.moreActions({ name: credential.name })}
        >
          <Ellipsis aria-hidden size={16} />
        </Button>
      </MenuTrigger>
      <MenuContent
        align="end"
        onCloseAutoFocus={(event) => {
          /*
           * Acting once the menu has fully closed keeps its modal layer (focus trap, pointer
           * blocking) from overlapping a dialog opened next. Rename moves focus into its
           * input, so the menu must not hand focus back to the trigger then.
           */
          const action = chosen.current;
          chosen.current = null;
          if (action === 'rename') event.preventDefault();
          if (action) onAction(action);
        }}
      >
        <MenuItem onSelect={() => choose('rename')}>
          <Pencil aria-hidden size={14} />
          {m.actions.rename}
        </MenuItem>
        {credential.method === 'api_key' ? (
          <MenuItem onSelect={() => choose('edit')}>
            <KeyRound aria-hidden size={14} />
            {m.actions.edit}
          </MenuItem>
        ) : null}
        {credential.method === 'api_key' ? (
          <MenuItem onSelect={() => choose('test')}>
            <PlugZap aria-hidden size={14} />
            {m.actions.test}
          </MenuItem>
        ) : null}
        {canReauthorize ? (
          <MenuItem onSelect={() => choose('reauthorize')}>
            <RefreshCw aria-hidden size={14} />
            {m.actions.reauthorize}
          </MenuItem>
        ) : null}
        {credential.isDefault ? null : (
          <MenuItem onSelect={() => choose('setDefault')}>
            <Star aria-hidden size={14} />
            {m.actions.setDefault}
          </MenuItem>
        )}
        <MenuSeparator />
        <MenuItem variant="danger" onSelect={() => choose('delete')}>
          <Trash aria-hidden size={14} />
          {m.actions.delete}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
