/** The longest credential name, counted in user-perceived characters (grapheme clusters). */
export const NAME_MAX_LENGTH = 100;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as people count them: a flag or a family emoji is one, not four or eight. */
export function graphemeLength(text: string): number {
  return Array.from(segmenter.segment(text)).length;
}

/** Why a (trimmed, non-empty) name is refused, or null when it is fine. */
export function nameProblem(name: string): string | null {
  if (graphemeLength(name) > NAME_MAX_LENGTH) return `Use at most ${NAME_MAX_LENGTH} characters.`;
  // Line breaks and other control characters would break every list that shows the name.
  if (/\p{Cc}/u.test(name)) return 'Use a name without line breaks or control characters.';
  return null;
}

/** Names are unique per provider ignoring case, so "Prod" and "prod" cannot both exist. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** `base`, else `base 2`, `base 3`, … whichever is free first. */
export function numberedName(base: string, taken: readonly string[]): string {
  return firstFree(base, (n) => `${base} ${n}`, taken);
}

/** `base`, else `base (2)`, `base (3)`, … whichever is free first (for account names). */
export function suffixedName(base: string, taken: readonly string[]): string {
  return firstFree(base, (n) => `${base} (${n})`, taken);
}

function firstFree(base: string, nth: (n: number) => string, taken: readonly string[]): string {
  const isTaken = (name: string) => taken.some((other) => sameName(other, name));
  if (!isTaken(base)) return base;
  for (let n = 2; ; n += 1) {
    const name = nth(n);
    if (!isTaken(name)) return name;
  }
}
