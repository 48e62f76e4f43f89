/** Props of {@link ProviderIcon}. */
export interface ProviderIconProps {
  /** The provider's icon URL; absent while loading or for an unknown provider. */
  src?: string;
  size?: number;
}

/**
 * A provider's icon, decorative (the provider's name is always shown beside it): one `<img>`
 * of a fixed size, or, without a URL, one empty box of the same size whose database glyph is
 * drawn by CSS (`.pc-provider-icon[data-fallback]`), so a node's box does not change when the
 * catalog arrives.
 */
export function ProviderIcon({ src, size = 28 }: ProviderIconProps) {
  if (!src) {
    return (
      <span
        className="pc-provider-icon"
        data-fallback=""
        aria-hidden
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <img
      className="pc-provider-icon"
      src={src}
      alt=""
      width={size}
      height={size}
      draggable={false}
    />
  );
}
