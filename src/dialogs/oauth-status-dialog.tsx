import {
  CircleAlert,
  CircleCheck,
  CircleSlash,
  Clock,
  LoaderCircle,
  ShieldAlert,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { isCredentialsError } from '../credentials/credentials-error';
import type { OAuthFlowSnapshot } from '../oauth/oauth-flow-types';
import { UNSAFE_AUTHORIZATION_URL } from '../oauth/oauth-popup-url';
import { useMessages } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../actions/error-message';
import { ProviderRedirectUri } from './oauth-redirect-uri';

/** Props of {@link OAuthStatusDialog}. */
export interface OAuthStatusDialogProps {
  /** The flow's state, e.g. `useAddOAuth().state`. */
  state: OAuthFlowSnapshot;
  /** The provider's display name. */
  providerName: string;
  /** Defaults to "whenever the flow is not idle". */
  open?: boolean;
  /** Closing while opening or waiting means Cancel; the caller decides what closing does. */
  onOpenChange?: (open: boolean) => void;
  /** Cancel while opening or waiting (closes the popup); also "I closed it — cancel". */
  onCancel?: () => void;
  /** "Focus the window". */
  onFocusPopup?: () => void;
  /**
   * "Open it again", offered while the popup reads closed: must open the popup synchronously,
   * so call the flow's `reopenPopup` directly.
   */
  onReopenPopup?: () => void;
  /** "Try again": must open the popup synchronously, so call the flow's `start` directly. */
  onRetry?: () => void;
  /** The user followed "Open in a new tab". */
  onOpenInNewTab?: () => void;
  /** Shown when the provider needs an OAuth client first. */
  onOpenClientSettings?: () => void;
}

interface StatusView {
  title: string;
  body: ReactNode;
  icon: ReactNode;
  tone: 'progress' | 'success' | 'warning' | 'error';
}

function failureText(
  state: Extract<OAuthFlowSnapshot, { status: 'failed' }>,
  messages: Messages,
): string {
  const { error } = state;
  if (isCredentialsError(error.cause)) return errorMessage(error.cause, messages);
  return error.message ?? messages.common.error.unknown;
}

function viewOf(state: OAuthFlowSnapshot, provider: string, messages: Messages): StatusView | null {
  const m = messages.oauth.status;
  const iconProps = { 'aria-hidden': true, size: 28 } as const;
  switch (state.status) {
    case 'idle':
      return null;
    case 'opening':
      return {
        title: m.opening.title({ provider }),
        body: m.opening.body({ provider }),
        icon: <LoaderCircle {...iconProps} className="pc-oauth-spinner" />,
        tone: 'progress',
      };
    case 'waiting':
      return {
        title: m.waiting.title({ provider }),
        body: state.popupClosed ? (
          <>
            <p>{m.waiting.mayHaveClosed}</p>
            <p className="pc-oauth-status-note">{m.waiting.mayHaveClosedHelp({ provider })}</p>
          </>
        ) : state.inTab ? (
          m.waiting.bodyTab({ provider })
        ) : (
          m.waiting.body({ provider })
        ),
        icon: <LoaderCircle {...iconProps} className="pc-oauth-spinner" />,
        tone: 'progress',
      };
    case 'cancelling':
      // The title stays the waiting one: the dialog is the same, only its body moves on.
      return {
        title: m.waiting.title({ provider }),
        body: m.cancelling.body({ provider }),
        icon: <LoaderCircle {...iconProps} className="pc-oauth-spinner" />,
        tone: 'progress',
      };
    case 'blocked':
      return {
        title: m.blocked.title,
        body: (
          <>
            <p>{m.blocked.body({ provider })}</p>
            {state.attempts > 1 ? (
              <p className="pc-oauth-status-note">{m.blocked.stillBlocked}</p>
            ) : null}
          </>
        ),
        icon: <ShieldAlert {...iconProps} />,
        tone: 'warning',
      };
    case 'succeeded':
      return {
        title: m.succeeded.title({ provider }),
        body: m.succeeded.body({ account: state.account }),
        icon: <CircleCheck {...iconProps} />,
        tone: 'success',
      };
    case 'denied':
      return {
        title: m.denied.title,
        body: (
          <>
            <p>{m.denied.body({ provider })}</p>
            <p className="pc-oauth-status-note">{m.nothingSaved}</p>
          </>
        ),
        icon: <CircleSlash {...iconProps} />,
        tone: 'warning',
      };
    case 'failed': {
      const { code } = state.error;
      // The provider's own code for a redirect URI its app does not allow (RFC 6749 leaves it to
      // the provider; Google, GitHub and others say so): the fix is to register the URI shown.
      const redirectMismatch = code === 'redirect_uri_mismatch';
      return {
        title: m.failed.title({ provider }),
        body: (
          <>
            <p>
              {code === 'oauth_client_required'
                ? m.failed.clientRequired({ provider })
                : code === UNSAFE_AUTHORIZATION_URL
                  ? m.failed.unsafeUrl({ provider })
                  : redirectMismatch
                    ? m.failed.redirectMismatch({ provider })
                    : failureText(state, messages)}
            </p>
            {redirectMismatch ? (
              <ProviderRedirectUri providerId={state.providerId} providerName={provider} />
            ) : null}
            <p className="pc-oauth-status-note">{m.nothingSaved}</p>
          </>
        ),
        icon: <CircleAlert {...iconProps} />,
        tone: 'error',
      };
    }
    case 'expired':
      return {
        title: m.expired.title,
        body: (
          <>
            <p>{m.expired.body({ provider })}</p>
            <p className="pc-oauth-status-note">{m.nothingSaved}</p>
          </>
        ),
        icon: <Clock {...iconProps} />,
        tone: 'warning',
      };
    case 'cancelled':
      return {
        title: m.cancelled.title,
        body: (
          <>
            <p>{m.cancelled.body({ provider })}</p>
            <p className="pc-oauth-status-note">{m.nothingSaved}</p>
          </>
        ),
        icon: <CircleSlash {...iconProps} />,
        tone: 'warning',
      };
  }
}

/**
 * Says where an OAuth flow stands and what to do next: waiting for the popup (Cancel, Focus the
 * window), the popup reads closed (I closed it — cancel, Open it again), the popup was blocked
 * (Try again, Open in a new tab), or how it ended (denied, failed, expired) with Try again.
 * Purely presentational: it renders `state` and reports the user's choices. `data-status` on
 * the body carries the state for styling and tests.
 */
export function OAuthStatusDialog({
  state,
  providerName,
  open,
  onOpenChange,
  onCancel,
  onFocusPopup,
  onReopenPopup,
  onRetry,
  onOpenInNewTab,
  onOpenClientSettings,
}: OAuthStatusDialogProps) {
  const messages = useMessages();
  const m = messages.oauth.status;
  const view = viewOf(state, providerName, messages);
  const isOpen = (open ?? state.status !== 'idle') && view !== null;
  const close = () => onOpenChange?.(false);

  /* The footers of opening → waiting → cancelling → an outcome keep their first button in the
   * same place, so React keeps the same element and focus stays on it as the words change. */
  let actions: ReactNode = null;
  switch (state.status) {
    case 'opening':
      actions = <Button onClick={onCancel}>{m.cancel}</Button>;
      break;
    case 'waiting':
      actions = (
        <>
          <Button onClick={onCancel}>
            {state.popupClosed ? m.waiting.closedCancel : m.cancel}
          </Button>
          {state.popupClosed ? (
            <Button variant="primary" onClick={onReopenPopup}>
              {m.waiting.reopen}
            </Button>
          ) : state.inTab ? null : (
            <Button variant="primary" onClick={onFocusPopup}>
              {m.waiting.focus}
            </Button>
          )}
        </>
      );
      break;
    case 'cancelling':
      // Already cancelling: the button stays (and keeps focus) but does nothing more.
      actions = <Button aria-disabled="true">{m.cancel}</Button>;
      break;
    case 'blocked':
      actions = (
        <>
          <Button onClick={onCancel}>{m.cancel}</Button>
          {state.authorizationUrl ? (
            // A link, not a button: the browser opens a tab for it even where it blocks popups.
            <Button asChild>
              <a
                href={state.authorizationUrl}
                target="_blank"
                // No opener for the tab: the completion page reaches us over the flow's channel.
                rel="noopener noreferrer"
                onClick={onOpenInNewTab}
              >
                {m.blocked.openInTab}
              </a>
            </Button>
          ) : (
            <Button disabled>{m.blocked.preparingLink}</Button>
          )}
          <Button variant="primary" onClick={onRetry}>
            {m.tryAgain}
          </Button>
        </>
      );
      break;
    case 'succeeded':
      actions = (
        <Button variant="primary" onClick={close}>
          {m.done}
        </Button>
      );
      break;
    case 'failed':
      actions = (
        <>
          <Button onClick={close}>{m.dismiss}</Button>
          {state.error.code === 'oauth_client_required' && onOpenClientSettings ? (
            <Button variant="primary" onClick={onOpenClientSettings}>
              {m.failed.setUpClient}
            </Button>
          ) : (
            <Button variant="primary" onClick={onRetry}>
              {m.tryAgain}
            </Button>
          )}
        </>
      );
      break;
    case 'denied':
    case 'expired':
    case 'cancelled':
      actions = (
        <>
          <Button onClick={close}>{m.dismiss}</Button>
          <Button variant="primary" onClick={onRetry}>
            {m.tryAgain}
          </Button>
        </>
      );
      break;
    case 'idle':
      break;
  }

  return (
    <Dialog
      open={isOpen}
      onOpenChange={(next) => onOpenChange?.(next)}
      title={view?.title ?? ''}
      size="sm"
      className="pc-oauth-status-dialog"
      // While the popup is open, a click on this window (often just to bring it forward) must
      // not cancel the flow: only Cancel does.
      preventClose={
        state.status === 'opening' || state.status === 'waiting' || state.status === 'cancelling'
      }
    >
      {view ? (
        <div className="pc-oauth-status" data-status={state.status} data-tone={view.tone}>
          <div className="pc-oauth-status-icon">{view.icon}</div>
          {/* Announced as it changes, so a screen reader hears the outcome without moving focus. */}
          <div className="pc-oauth-status-body" role="status" aria-live="polite">
            {typeof view.body === 'string' ? <p>{view.body}</p> : view.body}
          </div>
        </div>
      ) : null}
      <div className="pc-dialog-footer">{actions}</div>
    </Dialog>
  );
}
