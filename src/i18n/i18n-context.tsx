import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useBuiltInCatalog, type BuiltInLocale } from './built-in-catalogs';
import { en } from './en';
import { mergeMessages, type MessageOverrides, type Messages } from './messages';

export type { BuiltInLocale } from './built-in-catalogs';

const I18nContext = createContext<Messages>(en);
const LocaleContext = createContext<string>('en');

/** Props of {@link I18nProvider}. */
export interface I18nProviderProps {
  locale?: BuiltInLocale;
  /** Overrides any message of the chosen locale (or supplies a whole other locale). */
  messages?: MessageOverrides;
  /**
   * The locale whose provider translations (the catalog's `localized` words) are shown; defaults
   * to `locale`. Set it with `messages` to run in a locale the library does not ship.
   */
  contentLocale?: string;
  children?: ReactNode;
}

/**
 * Chooses the catalog every Pipeline Connect component reads its words from. A built-in locale
 * other than English loads on demand: the first render with it shows nothing until its catalog
 * has arrived (one small request), never English that turns into another language.
 */
export function I18nProvider({
  locale = 'en',
  messages,
  contentLocale,
  children,
}: I18nProviderProps) {
  const catalog = useBuiltInCatalog(locale);
  const overrides = catalog?.overrides;
  const value = useMemo(
    () => (overrides ? mergeMessages(en, overrides, messages) : null),
    [overrides, messages],
  );
  if (!catalog || !value) return null;
  return (
    <LocaleContext.Provider value={contentLocale ?? catalog.locale}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </LocaleContext.Provider>
  );
}

/** The active message catalog. */
export function useMessages(): Messages {
  return useContext(I18nContext);
}

/** The locale whose provider translations are shown (see `I18nProviderProps.contentLocale`). */
export function useLocale(): string {
  return useContext(LocaleContext);
}
