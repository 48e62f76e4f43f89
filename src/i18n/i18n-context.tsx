import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en';
import { mergeMessages, type MessageOverrides, type Messages } from './messages';
import { zhHans } from './zh-hans';

/** Locales shipped with the library. Others can be passed as `messages`. */
export type BuiltInLocale = 'en' | 'zh-Hans';

const builtIn: Record<BuiltInLocale, MessageOverrides> = { en: {}, 'zh-Hans': zhHans };

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

/** Chooses the catalog every Pipeline Connect component reads its words from. */
export function I18nProvider({
  locale = 'en',
  messages,
  contentLocale,
  children,
}: I18nProviderProps) {
  const value = useMemo(() => mergeMessages(en, builtIn[locale], messages), [locale, messages]);
  return (
    <LocaleContext.Provider value={contentLocale ?? locale}>
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
