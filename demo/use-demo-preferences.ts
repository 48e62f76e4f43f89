import { useEffect, useState } from 'react';
import { demoMessages, type DemoMessages } from './demo-messages';
import { loadPreferences, savePreferences, type DemoPreferences } from './demo-preferences';
import { usePrefersDark } from './use-prefers-dark';

/** The demo's Language and Theme, remembered across reloads, and what follows from them. */
export interface DemoPreferencesState extends DemoPreferences {
  /** The scheme the shell shows: `colorMode` with `system` resolved. */
  resolvedColorMode: 'light' | 'dark';
  messages: DemoMessages;
  setPreferences: (change: Partial<DemoPreferences>) => void;
}

/**
 * Holds the preferences and keeps the document in step: `<html lang>` (screen readers, fonts and
 * line breaking follow it), the title, and `color-scheme` so scrollbars and form controls match.
 */
export function useDemoPreferences(): DemoPreferencesState {
  const [preferences, setState] = useState(loadPreferences);
  const prefersDark = usePrefersDark();
  const resolvedColorMode =
    preferences.colorMode === 'system' ? (prefersDark ? 'dark' : 'light') : preferences.colorMode;
  const messages = demoMessages[preferences.locale];

  useEffect(() => {
    const root = document.documentElement;
    root.lang = preferences.locale;
    root.style.colorScheme = resolvedColorMode;
    document.title = messages.documentTitle;
  }, [preferences.locale, resolvedColorMode, messages]);

  const setPreferences = (change: Partial<DemoPreferences>) => {
    const next = { ...preferences, ...change };
    savePreferences(next);
    setState(next);
  };

  return { ...preferences, resolvedColorMode, messages, setPreferences };
}
