import type { BuiltInLocale, ColorMode } from 'pipeline-connect';

/** What the avatar menu's Language and Theme choose; settings only, never anything secret. */
export interface DemoPreferences {
  locale: BuiltInLocale;
  colorMode: ColorMode;
}

const key = 'pipeline-connect-demo:preferences';

const locales: readonly BuiltInLocale[] = ['en', 'zh-Hans'];
const colorModes: readonly ColorMode[] = ['light', 'dark', 'system'];

/** A new visitor reads English and gets the scheme of their system, as the README suggests. */
const defaults: DemoPreferences = { locale: 'en', colorMode: 'system' };

/** Whether `value` is one of the locales the library ships. */
export function isBuiltInLocale(value: string): value is BuiltInLocale {
  return (locales as readonly string[]).includes(value);
}

/** Whether `value` is a color mode the provider accepts. */
export function isColorMode(value: string): value is ColorMode {
  return (colorModes as readonly string[]).includes(value);
}

/** The saved preferences; each unknown or missing value falls back on its own default. */
export function loadPreferences(): DemoPreferences {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const { locale, colorMode } = parsed as Record<string, unknown>;
    return {
      locale: typeof locale === 'string' && isBuiltInLocale(locale) ? locale : defaults.locale,
      colorMode:
        typeof colorMode === 'string' && isColorMode(colorMode) ? colorMode : defaults.colorMode,
    };
  } catch {
    // A corrupt entry (edited by hand) is ignored rather than breaking the demo.
    return defaults;
  }
}

export function savePreferences(preferences: DemoPreferences): void {
  localStorage.setItem(key, JSON.stringify(preferences));
}
