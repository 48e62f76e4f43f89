import { memo, useEffect, useRef, useState } from 'react';
import { LoaderCircle } from 'lucide-react';
import { useSetDefaultCredential } from '../actions/use-set-default-credential';
import { useTestCredential } from '../actions/use-test-credential';
import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { CredentialActionsMenu, type CredentialAction } from './credential-actions-menu';
import { CredentialHealth } from './credential-health';
import { hasStoredSecret } from './has-stored-secret';
import { RenameCredentialForm } from './lazy-rename-credential-form';

/** Props of {@link CredentialRow}. */
export interface CredentialRowProps {
  credential: Credential;
  /** Opens the edit dialog (API key credentials). */
  onEdit: (credential: Credential) => void;
  /** Opens the delete confirmation. */
  onDelete: (credential: Credential) => void;
  /** Starts re-authorizing an OAuth credential; without it the action is not offered. */
  onReauthorize?: (credential: Credential) => void;
  className?: string;
}

/**
 * One credential: name, method, account (or a mask standing for the hidden key, or "no key"
 * when none is stored), a **Default** badge and its state as text; `data-status`,
 * `data-method` and `data-default` are the styling hooks. A long name ends in an ellipsis and
 * is whole in its tooltip and in the row's accessible name. Rename happens in place, across the
 * row's full width; the other actions are in the "More actions" menu (Re-authorize too, which a
 * grant that needs it also shows on the row, below the name when the row is narrow).
 */
export const CredentialRow = memo(function CredentialRow({
  credential,
  onEdit,
  onDelete,
  onReauthorize,
  className,
}: CredentialRowProps) {
  const messages = useMessages();
  const m = messages.manage;
  const defaulting = useSetDefaultCredential();
  const testing = useTestCredential(credential.providerId);
  const [renaming, setRenaming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const renamed = useRef(false);

  // Back to the menu button after renaming, so keyboard users keep their place in the list.
  useEffect(() => {
    if (renaming || !renamed.current) return;
    renamed.current = false;
    trigger.current?.focus();
  }, [renaming]);

  const canReauthorize = credential.method === 'oauth2' && onReauthorize !== undefined;
  const needsReauthorizing = canReauthorize && credential.status !== 'active';

  // Re-authorized: the row's Re-authorize button goes, and focus with it would fall to <body>;
  // the row's menu button keeps the keyboard user's place instead.
  const offeredReauthorize = useRef(needsReauthorizing);
  useEffect(() => {
    const dropped = offeredReauthorize.current && !needsReauthorizing;
    offeredReauthorize.current = needsReauthorizing;
    if (dropped && document.activeElement === document.body) trigger.current?.focus();
  }, [needsReauthorizing]);

  function act(action: CredentialAction) {
    switch (action) {
      case 'rename':
        setRenaming(true);
        break;
      case 'edit':
        onEdit(credential);
        break;
      case 'test':
        // Never rejects: a notice says the verdict.
        void testing.test(credential);
        break;
      case 'reauthorize':
        onReauthorize?.(credential);
        break;
      case 'setDefault':
        // Never rejects: a notice says how it went.
        void defaulting.setDefault(credential);
        break;
      case 'delete':
        onDelete(credential);
        break;
    }
  }

  const title = (
    <div className="pc-credential-title">
      <span className="pc-credential-name" title={credential.name}>
        {credential.name}
      </span>
      {credential.isDefault ? (
        <span className="pc-badge" data-variant="default">
          {m.defaultBadge}
        </span>
      ) : null}
    </div>
  );

  return (
    <li
      className={cn('pc-credential-row', className)}
      data-credential-id={credential.id}
      data-status={credential.status}
      data-method={credential.method}
      data-default={credential.isDefault ? '' : undefined}
      data-state={
        renaming
          ? 'renaming'
          : testing.isPending
            ? 'testing'
            : defaulting.isPending
              ? 'saving'
              : 'idle'
      }
      data-reauthorize={needsReauthorizing ? '' : undefined}
      // The name may be cut short on screen; the row's name is always the whole of it.
      aria-label={credential.name}
    >
      <div className="pc-credential-main">
        {renaming ? (
          <RenameCredentialForm
            credential={credential}
            onDone={() => {
              renamed.current = true;
              setRenaming(false);
            }}
            fallback={title}
          />
        ) : (
          title
        )}
        <div className="pc-credential-meta">
          <span className="pc-credential-method">{m.method[credential.method]}</span>
          <span aria-hidden className="pc-credential-meta-separator">
            ·
          </span>
          {credential.account ? (
            <span className="pc-credential-account" title={credential.account}>
              {credential.account}
            </span>
          ) : credential.method === 'api_key' && !hasStoredSecret(credential) ? (
            <span className="pc-credential-no-key">{m.noKey}</span>
          ) : (
            <span className="pc-credential-mask">
              <span aria-hidden>{m.maskedHint}</span>
              <span className="pc-visually-hidden">{m.maskedHintLabel}</span>
            </span>
          )}
        </div>
        <CredentialHealth credential={credential} />
      </div>
      <div className="pc-credential-aside">
        {testing.isPending ? (
          <span className="pc-credential-status" data-status="testing" role="status">
            <LoaderCircle className="pc-spin" aria-hidden size={12} />
            {m.test.testing}
          </span>
        ) : (
          <span className="pc-credential-status" data-status={credential.status}>
            {m.status[credential.status]}
          </span>
        )}
        {needsReauthorizing ? (
          <Button
            size="sm"
            className="pc-credential-reauthorize"
            onClick={() => onReauthorize?.(credential)}
          >
            {m.actions.reauthorize}
          </Button>
        ) : null}
      </div>
      <CredentialActionsMenu
        ref={trigger}
        credential={credential}
        canReauthorize={canReauthorize}
        onAction={act}
      />
    </li>
  );
});
