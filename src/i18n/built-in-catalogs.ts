import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { lazyModule, type LazyModule } from '../on-demand/lazy-module';
import type { MessageOverrides } from './messages';

/** Locales shipped with the library. Others can be passed as `messages`. */
export type BuiltInLocale = 'en' | 'zh-Hans';

/**
 * Every built-in catalog but English (the base the others merge over) is a chunk of its own:
 * a host that shows English never downloads Chinese (about 4 KB gzipped up front, measured by
 * `npm run bench`'s bundle figure).
 */
const onDemand: Record<Exclude<BuiltInLocale, 'en'>, LazyModule<MessageOverrides>> = {
  'zh-Hans': lazyModule(() => import('./zh-hans').then((catalog) => catalog.zhHans)),
};

/** The built-in catalog on screen: the locale it belongs to, and its messages over English. */
export interface ShownCatalog {
  locale: BuiltInLocale;
  overrides: MessageOverrides;
}

const english: ShownCatalog = { locale: 'en', overrides: {} };
const noSubscription = () => () => undefined;

/** Loads a built-in locale's catalog ahead of rendering (Storybook's loaders do). */
export async function loadBuiltInCatalog(locale: BuiltInLocale): Promise<void> {
  if (locale !== 'en') await onDemand[locale].load();
}

/**
 * The catalog to show for `locale`, or null while the first one is still loading (show nothing
 * rather than English that turns Chinese a moment later). A switch of locale keeps the catalog
 * on screen until the new one has arrived, so the host's tree is never unmounted for it; a
 * catalog that fails to load falls back to English (the next mount tries again).
 */
export function useBuiltInCatalog(locale: BuiltInLocale): ShownCatalog | null {
  const chunk = locale === 'en' ? null : onDemand[locale];
  const subscribe = useCallback(
    (listener: () => void) => (chunk ? chunk.subscribe(listener) : noSubscription()),
    [chunk],
  );
  const getState = () => chunk?.getState() ?? null;
  const state = useSyncExternalStore(subscribe, getState, getState);
  useEffect(() => {
    // The failure is kept in the chunk's state, which falls back to English below.
    chunk?.load().catch(() => undefined);
  }, [chunk]);

  const wanted =
    state === null || state.status === 'failed'
      ? english
      : state.status === 'loaded'
        ? { locale, overrides: state.module }
        : null;
  const [shown, setShown] = useState<ShownCatalog | null>(wanted);
  // React's "state from the previous render": remember the last catalog shown, for a switch.
  if (wanted && (wanted.locale !== shown?.locale || wanted.overrides !== shown.overrides)) {
    setShown(wanted);
  }
  return wanted ?? shown;
}
