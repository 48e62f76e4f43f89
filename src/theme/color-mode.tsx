import { createContext, useContext, type ReactNode } from 'react';
import { useMediaQuery } from './use-media-query';

/** Like React Flow's `colorMode`: a fixed scheme, or `system` to follow the OS. */
export type ColorMode = 'light' | 'dark' | 'system';

const ResolvedColorModeContext = createContext<'light' | 'dark'>('light');

const darkQuery = '(prefers-color-scheme: dark)';

/** Props of {@link ColorModeProvider}. */
export interface ColorModeProviderProps {
  colorMode?: ColorMode;
  children?: ReactNode;
}

/** Resolves `colorMode` (following the OS for `system`) for every component below. */
export function ColorModeProvider({ colorMode = 'light', children }: ColorModeProviderProps) {
  const prefersDark = useMediaQuery(darkQuery);
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
