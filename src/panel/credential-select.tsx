import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { FieldControl, FieldLabel, FieldRoot } from '../ui/field-parts';
import { Select } from '../ui/select';

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
  const defaultCredential = credentials.find((c) => c.isDefault);
  const missing = value !== null && !credentials.some((c) => c.id === value);
  return (
    <FieldRoot className={className}>
      <FieldLabel>{m.credential}</FieldLabel>
      <FieldControl>
        <Select
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
        </Select>
      </FieldControl>
    </FieldRoot>
  );
}
