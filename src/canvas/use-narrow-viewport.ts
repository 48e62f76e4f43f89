import { useMediaQuery } from '../theme/use-media-query';

/**
 * The phone layout's breakpoint. canvas.css folds the layout at the same width (its
 * `@media (max-width: 640px)`): keep the two equal.
 */
export const narrowViewportQuery = '(max-width: 640px)';

/** Whether the window is phone-width (≤ 640 px): the palette folds into a button then. */
export function useNarrowViewport(): boolean {
  return useMediaQuery(narrowViewportQuery);
}
