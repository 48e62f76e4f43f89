import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { CreateApiKeyInput, Credential, CredentialValues } from '../credentials/backend';
import { useCredentialsBackend } from '../credentials/backend-context';
import { createApiKeyMutationOptions } from '../credentials/mutations';
import { useProvider } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../actions/error-message';
import { ApiKeyForm } from './api-key-form';
import { defaultFieldValues, type ApiKeyFormValues } from './api-key-form-schema';

/** Props of {@link ApiKeyDialog}. */
export interface ApiKeyDialogProps {
  /** The provider to add an API key for; its fields come from the backend's catalog. */
  providerId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the new credential once it is saved (the dialog has closed by then). */
  onCreated?: (credential: Credential) => void;
  /** Extra class on the dialog's content element. */
  className?: string;
}

/**
 * The **Add API Key** dialog: Authorization Name plus the provider's own fields, rendered from
 * its `apiKeyFields` schema. **Save** validates here, then with the backend; on success the dialog
 * closes, a toast names the new credential and `onCreated` fires. On any failure it stays open
 * with the input intact and says what happened. Typed secrets live only in the form while it is
 * open: they are cleared on success and on close, and never written anywhere else.
 *
 * Each save attempt carries an `Idempotency-Key`: the same key when the user saves the same input
 * again after a failure (a lost response, a network error), a new one once the input changed or
 * a save succeeded, so a repeat never makes a second credential.
 *
 * @example
 * <ApiKeyDialog providerId="firecrawl" open={open} onOpenChange={setOpen}
 *   onCreated={(credential) => useCredentialOnNode(credential.id)} />
 */
export function ApiKeyDialog({
  providerId,
  open,
  onOpenChange,
  onCreated,
  className,
}: ApiKeyDialogProps) {
  const messages = useMessages();
  const m = messages.apiKey;
  const backend = useCredentialsBackend();
  const provider = useProvider(providerId);
  const mutation = useMutation(createApiKeyMutationOptions(backend, providerId));
  const fields = useMemo(() => provider.data?.apiKeyFields ?? [], [provider.data]);
  const defaultValues = useMemo<ApiKeyFormValues>(
    () => ({ name: '', values: defaultFieldValues(fields) }),
    [fields],
  );
  // The attempt in progress: its key and a digest of its input (never the input itself).
  const attempt = useRef<{ key: string; digest: string } | null>(null);
  useEffect(() => {
    if (!open) attempt.current = null;
  }, [open]);

  async function create(values: ApiKeyFormValues) {
    const input = toCreateInput(values);
    const digest = digestOf(`${providerId}\n${JSON.stringify(input)}`);
    if (attempt.current?.digest !== digest) attempt.current = { key: newIdempotencyKey(), digest };
    try {
      const credential = await mutation.mutateAsync({
        input,
        idempotencyKey: attempt.current.key,
      });
      attempt.current = null;
      toast.success(m.created({ name: credential.name }));
      onOpenChange(false);
      onCreated?.(credential);
    } finally {
      // The settled mutation still holds the variables, secret included: drop them now.
      mutation.reset();
    }
  }

  let body: ReactNode;
  if (provider.isPending) {
    body = (
      <p className="pc-dialog-loading" role="status">
        {m.loadingProvider}
      </p>
    );
  } else if (provider.isError) {
    body = (
      <Alert
        action={
          <Button size="sm" onClick={() => void provider.refetch()}>
            {messages.common.retry}
          </Button>
        }
      >
        {errorMessage(provider.error, messages)}
      </Alert>
    );
  } else if (!provider.data) {
    body = <Alert>{m.providerMissing}</Alert>;
  } else if (!provider.data.methods.includes('api_key')) {
    body = <Alert>{m.noApiKeyMethod({ provider: provider.data.name })}</Alert>;
  } else {
    body = (
      <ApiKeyForm
        fields={fields}
        mode="create"
        defaultValues={defaultValues}
        onSubmit={create}
        onCancel={() => onOpenChange(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={m.title}
      description={provider.data ? m.description({ provider: provider.data.name }) : undefined}
      preventClose={mutation.isPending}
      className={['pc-api-key-dialog', className].filter(Boolean).join(' ')}
    >
      {body}
    </Dialog>
  );
}

/** An empty name lets the backend choose one; empty optional values are simply not given. */
function toCreateInput(values: ApiKeyFormValues): CreateApiKeyInput {
  const given: CredentialValues = {};
  for (const [key, value] of Object.entries(values.values)) {
    if (value !== '') given[key] = value;
  }
  return values.name === '' ? { values: given } : { name: values.name, values: given };
}

/** A fresh idempotency key: a UUID (random bytes where `randomUUID` needs a secure context). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * A 53-bit digest (cyrb53) of an attempt's input, to tell "the same input again" from a changed
 * one without keeping the input, secret included, past the request.
 */
function digestOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
