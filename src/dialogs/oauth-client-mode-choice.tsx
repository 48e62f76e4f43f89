import { useId } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { RadioGroup, RadioGroupItem } from '../ui/radio-group';

/** Props of {@link OAuthClientModeChoice}. */
export interface OAuthClientModeChoiceProps {
  /** The chosen mode. */
  value: 'default' | 'custom';
  /** Told when the user picks a mode. */
  onValueChange: (value: 'default' | 'custom') => void;
  /** Offer **Default**: only where the platform has a client of its own. */
  hasPlatformClient: boolean;
  /** The provider's name, for the help of a Custom-only choice. */
  providerName: string;
  /** While a request runs the choice stays as it is. */
  disabled?: boolean;
}

/**
 * The client-mode choice of OAuth Client Settings: **Default** (the platform's client) and
 * **Custom** (the user's own), each with a line of help, as a radio group.
 */
export function OAuthClientModeChoice({
  value,
  onValueChange,
  hasPlatformClient,
  providerName,
  disabled,
}: OAuthClientModeChoiceProps) {
  const m = useMessages().oauth.client;
  const ids = { default: useId(), custom: useId() };
  return (
    <RadioGroup
      className="pc-oauth-modes"
      aria-label={m.modeLabel}
      value={value}
      onValueChange={(next) => onValueChange(next === 'default' ? 'default' : 'custom')}
      disabled={disabled}
    >
      {/* Default exists only where the platform has a client; Custom is always there, so the
          documented path ("choose Custom") works for every provider. */}
      {hasPlatformClient ? (
        <ModeOption id={ids.default} value="default" title={m.default} help={m.defaultHelp} />
      ) : null}
      <ModeOption
        id={ids.custom}
        value="custom"
        title={m.custom}
        help={hasPlatformClient ? m.customHelp : m.customOnly({ provider: providerName })}
      />
    </RadioGroup>
  );
}

interface ModeOptionProps {
  id: string;
  value: string;
  title: string;
  help: string;
}

/** One mode: its radio, a label that names it and a line of help that describes it. */
function ModeOption({ id, value, title, help }: ModeOptionProps) {
  const helpId = `${id}-help`;
  return (
    <div className="pc-oauth-mode">
      <RadioGroupItem id={id} value={value} className="pc-oauth-radio" aria-describedby={helpId} />
      <div className="pc-oauth-mode-text">
        <label htmlFor={id} className="pc-oauth-mode-title">
          {title}
        </label>
        <span id={helpId} className="pc-oauth-mode-help">
          {help}
        </span>
      </div>
    </div>
  );
}
