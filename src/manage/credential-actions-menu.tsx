import { Ellipsis, KeyRound, Pencil, RefreshCw, Star, Trash } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useRef, type Ref } from 'react';
import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { useThemeAttributes } from '../theme/color-mode';

/** What a credential row's menu can ask for. */
export type CredentialAction = 'rename' | 'edit' | 'reauthorize' | 'setDefault' | 'delete';

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
 * A row's visible "More actions" button and its menu: Rename, Edit (API keys), Re-authorize
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
  const theme = useThemeAttributes();
  const chosen = useRef<CredentialAction | null>(null);
  // Picking only notes the action: it runs once the menu has closed (see onCloseAutoFocus).
  const choose = (action: CredentialAction) => {
    chosen.current = action;
  };

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          ref={ref}
          type="button"
          className="pc-icon-button pc-credential-menu-trigger"
          aria-label={m.moreActions({ name: credential.name })}
        >
          <Ellipsis aria-hidden size={16} />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="pc-menu"
          align="end"
          sideOffset={4}
          {...theme}
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
          <DropdownMenu.Item className="pc-menu-item" onSelect={() => choose('rename')}>
            <Pencil aria-hidden size={14} />
            {m.actions.rename}
          </DropdownMenu.Item>
          {credential.method === 'api_key' ? (
            <DropdownMenu.Item className="pc-menu-item" onSelect={() => choose('edit')}>
              <KeyRound aria-hidden size={14} />
              {m.actions.edit}
            </DropdownMenu.Item>
          ) : null}
          {canReauthorize ? (
            <DropdownMenu.Item className="pc-menu-item" onSelect={() => choose('reauthorize')}>
              <RefreshCw aria-hidden size={14} />
              {m.actions.reauthorize}
            </DropdownMenu.Item>
          ) : null}
          {credential.isDefault ? null : (
            <DropdownMenu.Item className="pc-menu-item" onSelect={() => choose('setDefault')}>
              <Star aria-hidden size={14} />
              {m.actions.setDefault}
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator className="pc-menu-separator" />
          <DropdownMenu.Item
            className="pc-menu-item"
            data-variant="danger"
            onSelect={() => choose('delete')}
          >
            <Trash aria-hidden size={14} />
            {m.actions.delete}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
