import { useEffect, useRef, useState } from 'react';
import { ActionFailure } from '../actions/action-failure';
import { useDeleteCredential } from '../actions/use-delete-credential';
import type { Credential } from '../credentials/backend';
import { useNodesUsingCredential } from '../data-sources/credential-usage';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { cn } from '../ui/cn';
import { useDialogOpen, type DialogOpenProps } from './use-dialog-open';

/** Props of {@link DeleteCredentialDialog}. */
export interface DeleteCredentialDialogProps extends DialogOpenProps {
  /** The credential to delete, as last read (a newer version elsewhere is refused with 412). */
  credential: Credential;
  /** Called once the credential is gone (the dialog has closed by then). */
  onDeleted?: (credential: Credential) => void;
  /** Extra class on the dialog's content element. */
  className?: string;
}

/**
 * Confirms deleting a credential and says first which pipeline nodes use it ("Used by 2 nodes:
 * …" or "Not used by any node"), counting nodes that follow the provider's default when it is
 * the default. On failure it stays open and says what happened. Open state as Radix's dialogs
 * take it: `open` with `onOpenChange`, or `defaultOpen`.
 */
export function DeleteCredentialDialog({
  credential,
  onDeleted,
  className,
  ...openProps
}: DeleteCredentialDialogProps) {
  const messages = useMessages();
  const m = messages.manage.delete;
  const [open, setOpen] = useDialogOpen(openProps, 'DeleteCredentialDialog');
  const action = useDeleteCredential();

  async function remove() {
    await action.remove(credential);
    setOpen(false);
    onDeleted?.(credential);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={m.title}
      description={m.description({ name: credential.name })}
      preventClose={action.isPending}
      size="sm"
      className={cn('pc-delete-credential-dialog', className)}
    >
      <DeleteCredentialBody
        credential={credential}
        onCancel={() => setOpen(false)}
        onConfirm={remove}
      />
    </Dialog>
  );
}

interface DeleteCredentialBodyProps {
  credential: Credential;
  onCancel: () => void;
  /** Deletes; rejects with an `ActionFailure` that says why not. */
  onConfirm: () => Promise<void>;
}

/** The dialog's content; it unmounts on close, which clears a shown failure. */
function DeleteCredentialBody({ credential, onCancel, onConfirm }: DeleteCredentialBodyProps) {
  const messages = useMessages();
  const m = messages.manage.delete;
  const nodes = useNodesUsingCredential(credential);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // State updates are not visible to a second click dispatched in the same frame; a ref is.
  const inFlight = useRef(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /*
   * A destructive confirmation starts on the safe choice. Deferred until after the dialog's focus
   * scope has mounted, so that the scope still returns focus to the opener on close.
   */
  useEffect(() => {
    const timer = setTimeout(() => cancelButton.current?.focus());
    return () => clearTimeout(timer);
  }, []);

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    setPending(true);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(ActionFailure.from(error, messages).message);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return (
    <div
      className="pc-delete-credential"
      data-state={pending ? 'deleting' : failure ? 'error' : 'idle'}
    >
      {failure ? <Alert>{failure}</Alert> : null}
      {nodes.length > 0 ? (
        <div className="pc-delete-usage" data-used="">
          <p>{m.usedBy({ count: nodes.length })}</p>
          <ul>
            {nodes.map((node) => (
              <li key={node.nodeId}>{node.label}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="pc-delete-usage">{m.unused}</p>
      )}
      {credential.isDefault ? <p className="pc-delete-note">{m.defaultNote}</p> : null}
      <div className="pc-dialog-footer">
        <Button ref={cancelButton} onClick={onCancel} disabled={pending}>
          {messages.common.cancel}
        </Button>
        <Button
          variant="danger"
          onClick={() => void confirm()}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {m.confirm}
        </Button>
      </div>
      <span role="status" className="pc-visually-hidden">
        {pending ? m.deleting : ''}
      </span>
    </div>
  );
}
