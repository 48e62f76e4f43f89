import { useId } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { RadioGroup, RadioGroupItem } from '../ui/radio-group';

/** Props of {@link OAuthClientModeChoice}. */
export interface OAuthClientModeChoiceProps {
  /** The chosen mode. */
  value: 'default' | 'custom';
  /** Told when the user picks a mode. */
  onValueChange: (value: 'default' | 'custom') => void;
  /** While a request runs the choice stays as it is. */
  disabled?: boolean;
}

/**
 * The client-mode choice of OAuth Client Settings: **Default** (the platform's client) and
 * **Custom** (the user's own), each with a line of help, as a radio group. Only for a provider
 * the platform has a client for: without one there is nothing to choose.
 */
export function OAuthClientModeChoice({
  value,
  onValueChange,
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
      <ModeOption id={ids.default} value="default" title={m.default} help={m.defaultHelp} />
      <ModeOption id={ids.custom} value="custom" title={m.custom} help={m.customHelp} />
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
