import { useCallback, useEffect, useRef, useState } from 'react';
import type { Credential } from '../credentials/backend';
import { useProvider, useProviderCredentials } from '../data-sources/use-credentials';
import {
  DeleteCredentialDialog,
  EditCredentialDialog,
  usePreloadDialogs,
} from '../dialogs/lazy-dialogs';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { errorMessage } from '../actions/error-message';
import { CredentialRow } from './credential-row';
import { usePreloadRenameForm } from './lazy-rename-credential-form';

/** Props of {@link CredentialList}. */
export interface CredentialListProps {
  /** Whose credentials to list. */
  providerId: string;
  /**
   * Starts re-authorizing an OAuth credential (e.g. the OAuth flow with its `credentialId`).
   * OAuth rows offer **Re-authorize** only when this is given.
   */
  onReauthorize?: (credential: Credential) => void;
  className?: string;
}

type OpenDialog = { kind: 'edit' | 'delete'; credential: Credential } | null;

/**
 * A provider's credentials with their name, method, account, **Default** badge and state, and
 * the actions to rename, edit, re-authorize, set as default and delete them — every one reachable
 * by keyboard. Shows loading, empty and error (with retry) states; `data-state` on the root says
 * which (`loading` | `error` | `empty` | `ready`).
 */
export function CredentialList({ providerId, onReauthorize, className }: CredentialListProps) {
  const messages = useMessages();
  const m = messages.manage;
  const credentials = useProviderCredentials(providerId);
  const provider = useProvider(providerId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // Edit, Delete and Rename mount only when picked: their code must be here before that.
  usePreloadDialogs();
  usePreloadRenameForm();
  const list = useRef<HTMLUListElement>(null);
  // Whose menu button takes focus back when the dialog closes.
  const returnFocusTo = useRef<string | null>(null);
  const classes = cn('pc-credential-list', className);

  const onEdit = useCallback((credential: Credential) => {
    returnFocusTo.current = credential.id;
    setDialog({ kind: 'edit', credential });
  }, []);
  const onDelete = useCallback((credential: Credential) => {
    returnFocusTo.current = credential.id;
    setDialog({ kind: 'delete', credential });
  }, []);

  /*
   * Radix returns focus only to a Dialog.Trigger, and these dialogs open from a menu, so focus
   * goes back to the row's menu button here; after a delete that row is gone, so to the list.
   */
  useEffect(() => {
    const id = returnFocusTo.current;
    if (dialog || id === null) return;
    returnFocusTo.current = null;
    const row = list.current?.querySelector(`[data-credential-id="${CSS.escape(id)}"]`);
    const trigger = row?.querySelector<HTMLElement>('.pc-credential-menu-trigger');
    (trigger ?? list.current)?.focus();
  }, [dialog]);

  if (credentials.data === undefined) {
    if (credentials.isError) {
      return (
        <div className={classes} data-state="error">
          <Alert
            action={
              <Button
                size="sm"
                className="pc-credential-list-retry"
                onClick={() => void credentials.refetch()}
              >
                {messages.common.retry}
              </Button>
            }
          >
            <strong>{m.loadFailed}</strong> {errorMessage(credentials.error, messages)}
          </Alert>
        </div>
      );
    }
    return (
      <div className={classes} data-state="loading" role="status" aria-busy="true">
        <p className="pc-credential-list-message">{m.loading}</p>
      </div>
    );
  }

  if (credentials.data.length === 0) {
    return (
      <div className={classes} data-state="empty">
        <p className="pc-credential-list-message">
          <strong>{m.empty}</strong> {m.emptyHint}
        </p>
      </div>
    );
  }

  // The dialog follows the latest copy, so an edit is based on the current version.
  const target = dialog
    ? (credentials.data.find((c) => c.id === dialog.credential.id) ?? dialog.credential)
    : null;
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <div className={classes} data-state="ready">
      <ul
        ref={list}
        className="pc-credential-rows"
        aria-label={m.listLabel({ provider: provider.data?.name ?? providerId })}
        tabIndex={-1}
      >
        {credentials.data.map((credential) => (
          <CredentialRow
            key={credential.id}
            credential={credential}
            onEdit={onEdit}
            onDelete={onDelete}
            onReauthorize={onReauthorize}
          />
        ))}
      </ul>
      {dialog?.kind === 'edit' && target ? (
        <EditCredentialDialog credential={target} open onOpenChange={close} />
      ) : null}
      {dialog?.kind === 'delete' && target ? (
        <DeleteCredentialDialog credential={target} open onOpenChange={close} />
      ) : null}
    </div>
  );
}
