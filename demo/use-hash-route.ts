import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const read = () => window.location.hash.replace(/^#\/?/, '');

/**
 * The demo's routes live in the hash (`#/settings/data-sources/notion`), so Settings has its
 * own URL that can be linked and survives a reload, with no server routing.
 */
export function useHashRoute(): [string, (route: string | null) => void] {
  const route = useSyncExternalStore(subscribe, read, () => '');
  const navigate = useCallback((next: string | null) => {
    if (next) {
      window.location.hash = `/${next}`;
    } else {
      // Leave no empty "#" behind in the address bar.
      history.pushState(null, '', window.location.pathname + window.location.search);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
  }, []);
  return [route, navigate];
}
