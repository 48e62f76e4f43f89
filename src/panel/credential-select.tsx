import type { Credential } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { FieldControl, FieldLabel, FieldRoot } from '../ui/field-parts';
import { Select } from '../ui/select';

/** The value of "Use the default" (the Select maps it to a value Radix accepts). */
const followDefault = '';

/** Props of {@link CredentialSelect}. */
export interface CredentialSelectProps {
  credentials: Credential[];
  /** `null` follows the provider's default. */
  value: string | null;
  onChange: (credentialId: string | null) => void;
  className?: string;
}

/**
 * Chooses which credential a node uses: one "Use the default (…)" entry, then each credential
 * by its name alone. The credential that is the default now says so in its secondary line (not
 * as a second default entry), as does an expired or invalid one.
 */
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
  const options = [
    {
      value: followDefault,
      label: defaultCredential
        ? m.followDefault({ name: defaultCredential.name })
        : m.followDefaultNone,
    },
    ...(missing ? [{ value, label: messages.canvas.state.missing, disabled: true }] : []),
    ...credentials.map((credential) => {
      const notes = [
        credential.isDefault ? m.defaultDescription : null,
        credential.status === 'active' ? null : messages.manage.status[credential.status],
      ].filter((note) => note !== null);
      return {
        value: credential.id,
        label: credential.name,
        description: notes.length > 0 ? notes.join(' · ') : undefined,
      };
    }),
  ];
  return (
    <FieldRoot className={className}>
      <FieldLabel>{m.credential}</FieldLabel>
      <FieldControl>
        <Select
          value={value ?? followDefault}
          onValueChange={(next) => onChange(next === followDefault ? null : next)}
          options={options}
        />
      </FieldControl>
    </FieldRoot>
  );
}
