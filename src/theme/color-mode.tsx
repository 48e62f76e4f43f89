import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';

/** Like React Flow's `colorMode`: a fixed scheme, or `system` to follow the OS. */
export type ColorMode = 'light' | 'dark' | 'system';

const ResolvedColorModeContext = createContext<'light' | 'dark'>('light');

const darkQuery = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const query = window.matchMedia(darkQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemPrefersDark() {
  return typeof window !== 'undefined' && !!window.matchMedia?.(darkQuery).matches;
}

/** Props of {@link ColorModeProvider}. */
export interface ColorModeProviderProps {
  colorMode?: ColorMode;
  children?: ReactNode;
}

/** Resolves `colorMode` (following the OS for `system`) for every component below. */
export function ColorModeProvider({ colorMode = 'light', children }: ColorModeProviderProps) {
  const prefersDark = useSyncExternalStore(subscribe, systemPrefersDark, () => false);
  const resolved = colorMode === 'system' ? (prefersDark ? 'dark' : 'light') : colorMode;
  return (
    <ResolvedColorModeContext.Provider value={resolved}>
      {children}
    </ResolvedColorModeContext.Provider>
  );
}

/** The resolved scheme, `light` or `dark`. */
export function useResolvedColorMode(): 'light' | 'dark' {
  return useContext(ResolvedColorModeContext);
}

/**
 * Attributes that put an element (often a portal, which escapes the host's tree) under the
 * library's theme: the `pc-root` class scopes the tokens, `data-color-mode` picks the scheme.
 */
export function useThemeAttributes() {
  const mode = useResolvedColorMode();
  return { 'data-pc-root': '', 'data-color-mode': mode } as const;
}
