import { useSyncExternalStore } from 'react';

const darkQuery = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(darkQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const prefersDark = () => window.matchMedia(darkQuery).matches;

/**
 * Whether the system asks for a dark scheme, live. The demo needs it for its own shell under
 * Theme → System; the library resolves `colorMode="system"` the same way for its components.
 */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, prefersDark, () => false);
}
