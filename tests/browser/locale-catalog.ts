import { moduleRequest } from './module-request';

/** The Chinese catalog as the dev server serves it: src/i18n/zh-hans/index.ts. */
const CHINESE_CATALOG = /\/src\/i18n\/zh-hans\/index\.ts/;

/** The request of the Chinese catalog (loaded on demand), failed, held or let through. */
export function chineseCatalog(initially: 'fail' | 'hold' | 'pass') {
  return moduleRequest(CHINESE_CATALOG, initially);
}

/**
 * Whether `text` was ever on the page from now on: a MutationObserver looks after every change
 * React commits, so English shown for one frame before Chinese replaces it is caught.
 */
export function watchForText(text: string) {
  let seen = document.body.textContent?.includes(text) ?? false;
  const observer = new MutationObserver(() => {
    seen ||= document.body.textContent?.includes(text) ?? false;
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return {
    seen: () => seen,
    stop: () => observer.disconnect(),
  };
}
