/**
 * The cap on strings a provider supplies (OAuth error descriptions and codes, account names):
 * they are cut before they are stored or shown, so a provider (or whoever forges a redirect)
 * cannot fill storage or a dialog.
 */

/** The longest provider-supplied string kept, in characters (Unicode code points). */
export const PROVIDER_TEXT_MAX_CHARACTERS = 500;

/**
 * `text` cut to at most `max` code points (never inside a surrogate pair), ending in "…" when it
 * was cut. Only the first `max` code points are ever looked at.
 */
export function capProviderText(text: string, max = PROVIDER_TEXT_MAX_CHARACTERS): string {
  if (text.length <= max) return text;
  let end = 0;
  for (let kept = 0; kept < max - 1 && end < text.length; kept += 1) {
    const unit = text.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}
