/** Props of {@link ProviderIcon}. */
export interface ProviderIconProps {
  /** The provider's icon URL; absent while loading or for an unknown provider. */
  src?: string;
  size?: number;
}

/**
 * A provider's icon, decorative (the provider's name is always shown beside it): one empty box
 * of a fixed size with the icon as its background — not an `<img>`, whose load event is a task
 * (and a paint) of its own per element, 1,000 of them on a 1,000-node canvas. Without a URL the
 * same box shows a database glyph drawn by CSS (`.pc-provider-icon[data-fallback]`), so nothing
 * moves or is replaced when the catalog arrives.
 */
export function ProviderIcon({ src, size = 28 }: ProviderIconProps) {
  return (
    <span
      className="pc-provider-icon"
      data-fallback={src ? undefined : ''}
      aria-hidden
      style={{ width: size, height: size, backgroundImage: src ? cssUrl(src) : undefined }}
    />
  );
}

/** `url` as a CSS `url()` value, quoted and escaped, so a catalog's URL cannot break out of it. */
function cssUrl(url: string): string {
  return `url("${url.replace(/["\\\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}")`;
}
