import { Database } from 'lucide-react';

/** Props of {@link ProviderIcon}. */
export interface ProviderIconProps {
  /** The provider's icon URL; absent while loading or for an unknown provider. */
  src?: string;
  size?: number;
}

/** A provider's icon, decorative (the provider's name is always shown beside it). */
export function ProviderIcon({ src, size = 28 }: ProviderIconProps) {
  if (!src) {
    return (
      <span className="pc-provider-icon" data-fallback="" style={{ width: size, height: size }}>
        <Database aria-hidden size={size * 0.6} />
      </span>
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
