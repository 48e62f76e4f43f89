/**
 * The consent popup as a window: opening it centred over the opener, and closing, focusing and
 * reading it. A provider's Cross-Origin-Opener-Policy can sever our reference to the popup, and
 * a severed reference may throw on any access, so every helper here swallows that and says what
 * it can (DESIGN.md §2, "The OAuth flow").
 */
import type { OAuthFlowWindow, OAuthPopupWindow } from './oauth-flow-types';

const popupSize = { width: 520, height: 680 };

/**
 * Opens a blank popup for `providerId`'s consent page, centred over `win`, or `null` when the
 * browser refused it. Call it inside the user's click: a `window.open` after an `await` is
 * blocked. The popup is sent to the consent page later, once the backend has started the flow.
 */
export function openPopup(
  win: OAuthFlowWindow,
  providerId: string,
  loadingText: string | undefined,
): OAuthPopupWindow | null {
  const left = Math.round(
    (win.screenX ?? 0) + Math.max(0, ((win.outerWidth ?? 0) - popupSize.width) / 2),
  );
  const top = Math.round(
    (win.screenY ?? 0) + Math.max(0, ((win.outerHeight ?? 0) - popupSize.height) / 2),
  );
  // No `noopener`: it would make `open` return null and leave us unable to navigate the popup.
  const features = `popup=yes,width=${popupSize.width},height=${popupSize.height},left=${left},top=${top}`;
  let popup: OAuthPopupWindow | null;
  try {
    popup = win.open('about:blank', `pipeline-connect-oauth-${providerId}`, features);
  } catch {
    popup = null;
  }
  if (popup && loadingText) writeLoadingText(popup, loadingText);
  return popup;
}

/** A blank white window for a second looks broken; say what is happening. Text only. */
function writeLoadingText(popup: OAuthPopupWindow, loadingText: string) {
  try {
    const doc = popup.document;
    if (doc) {
      doc.title = loadingText;
      if (doc.body) {
        doc.body.textContent = loadingText;
        if (doc.body.style) {
          doc.body.style.font = '15px system-ui, sans-serif';
          doc.body.style.padding = '24px';
        }
      }
    }
  } catch {
    // The popup's document is not ours to touch (it already navigated): nothing to do.
  }
}

/** Closes the popup if it is still open. */
export function closePopup(popup: OAuthPopupWindow | null) {
  if (!popup) return;
  try {
    if (!popup.closed) popup.close();
  } catch {
    // A severed (COOP) window reference may throw; there is nothing left to close.
  }
}

/** Brings the popup to the front if it is still open. */
export function focusPopup(popup: OAuthPopupWindow | null) {
  try {
    if (popup && !popup.closed) popup.focus();
  } catch {
    // A severed window reference cannot be focused; the user can still switch to it.
  }
}

/**
 * Whether the popup reads closed. That may be COOP's doing rather than the user's, so callers
 * only change what they say on it, never how the flow ends.
 */
export function popupReadsClosed(popup: OAuthPopupWindow | null): boolean {
  if (!popup) return false;
  try {
    return popup.closed;
  } catch {
    return false;
  }
}
