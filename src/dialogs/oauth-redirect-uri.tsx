import { Check, Copy } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../i18n/i18n-context';
import { Button } from '../ui/button';

/** How long the button says "Copied" before it offers to copy again. */
const copiedForMs = 2000;

/**
 * The redirect URI to paste into the provider's console: read-only (focusing it selects it all)
 * with a copy button that confirms ("Copied") or says copying failed, announced in a live region.
 */
export function OAuthRedirectUri({ uri }: { uri: string }) {
  const messages = useMessages();
  const m = messages.oauth.client;
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function onCopy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(uri);
      setCopy('copied');
      timer.current = setTimeout(() => setCopy('idle'), copiedForMs);
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className="pc-field pc-oauth-redirect" data-copy={copy}>
      <label className="pc-field-label" htmlFor={id}>
        {m.redirectUri}
      </label>
      <div className="pc-oauth-redirect-row">
        <input
          id={id}
          className="pc-input pc-oauth-redirect-input"
          value={uri}
          readOnly
          aria-describedby={`${id}-help`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          onClick={() => void onCopy()}
          aria-label={copy === 'copied' ? m.copied : m.copyRedirectUri}
        >
          {copy === 'copied' ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
          {copy === 'copied' ? m.copied : m.copy}
        </Button>
      </div>
      <p id={`${id}-help`} className="pc-field-help">
        {m.redirectUriHelp}
      </p>
      <p className="pc-oauth-copy-status" role="status">
        {copy === 'copied' ? m.copied : copy === 'failed' ? m.copyFailed : ''}
      </p>
    </div>
  );
}
