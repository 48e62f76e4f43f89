/** A part of a class list: a class name, or a falsy value that {@link cn} drops. */
export type ClassPart = string | false | null | undefined;

/**
 * Joins class names, dropping falsy parts: `cn('pc-button', busy && 'pc-busy', className)`.
 * Every part of ui/ passes its own class first and the caller's `className` last, so a caller's
 * class always adds to the part's rather than replacing it. (No library: the stylesheet is plain
 * CSS, so there are no utility classes to de-duplicate, and the call sites pass only strings.)
 */
export function cn(...parts: ClassPart[]): string {
  return parts.filter(Boolean).join(' ');
}
