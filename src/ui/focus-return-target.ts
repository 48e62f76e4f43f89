/**
 * Where focus should go back when a dialog closes: what has focus now (the dialog's opener), or —
 * when that is an item of a menu, which is gone by the time the dialog closes — the button that
 * opened the menu (Radix labels a menu by its trigger).
 */
export function focusReturnTarget(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const menu = active.closest('[role="menu"]');
  if (!menu) return active;
  const triggerId = menu.getAttribute('aria-labelledby');
  return triggerId ? document.getElementById(triggerId) : null;
}
