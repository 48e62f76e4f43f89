import { useId } from 'react';
import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';

const followDefault = '';

/** Props of {@link CredentialSelect}. */
export interface CredentialSelectProps {
  credentials: Credential[];
  /** `null` follows the provider's default. */
  value: string | null;
  onChange: (credentialId: string | null) => void;
  className?: string;
}

/** Chooses which credential a node uses: the provider's default, or a named credential. */
export function CredentialSelect({
  credentials,
  value,
  onChange,
  className,
}: CredentialSelectProps) {
  const messages = useMessages();
  const m = messages.panel;
  const id = useId();
  const defaultCredential = credentials.find((c) => c.isDefault);
  const missing = value !== null && !credentials.some((c) => c.id === value);
  return (
    <div className={['pc-field', className].filter(Boolean).join(' ')}>
      <label className="pc-field-label" htmlFor={id}>
        {m.credential}
      </label>
      <select
        id={id}
        className="pc-input pc-select"
        value={value ?? followDefault}
        onChange={(event) =>
          onChange(event.target.value === followDefault ? null : event.target.value)
        }
      >
        <option value={followDefault}>
          {defaultCredential
            ? m.followDefault({ name: defaultCredential.name })
            : m.followDefaultNone}
        </option>
        {missing ? (
          <option value={value ?? ''} disabled>
            {messages.canvas.state.missing}
          </option>
        ) : null}
        {credentials.map((credential) => (
          <option key={credential.id} value={credential.id}>
            {credential.name}
            {credential.isDefault ? ` (${m.defaultBadge})` : ''}
            {credential.status === 'expired' ? ` · ${m.expiredSuffix}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
