/**
 * The credential name rules (the Authorization Name): one definition for the dialogs'
 * client-side checks, the mock backend and the reference server.
 */
import { countCharacters, disallowedFormatCharacter, hasControlCharacter } from './characters';
import type { RuleProblem } from './problem';

/** The longest name, in characters as people count them (grapheme clusters). */
export const NAME_MAX_CHARACTERS = 100;

/**
 * The longest name input looked at, in UTF-16 code units, before anything else: counting
 * characters costs far more per character than a length, so a longer input is refused outright
 * (ten code units per character is more than any real name needs).
 */
export const NAME_MAX_CODE_UNITS = 1000;

/** Why a name is refused. */
export type NameProblemCode =
  'name_required' | 'name_too_long' | 'name_control_character' | 'name_invisible_character';

/** A refused name: the code, an English message, and the limit for `name_too_long`. */
export interface NameProblem extends RuleProblem<NameProblemCode> {
  max?: number;
}

/** What {@link checkName} found: the name to store (trimmed), and the problem if any. */
export interface NameCheck {
  name: string;
  problem: NameProblem | null;
}

/**
 * Checks a name as it was entered: at most {@link NAME_MAX_CODE_UNITS} code units (checked
 * first, before any costly work), then trimmed; 1–{@link NAME_MAX_CHARACTERS} characters; no
 * control characters or line breaks; no format characters (zero-width spaces, bidi overrides,
 * see `disallowedFormatCharacter`). An empty (or whitespace-only) name is a problem only when
 * `required`; otherwise it comes back as `''` (the backend then chooses one).
 *
 * Markup such as `<b>` is allowed on purpose: names are only ever shown as text, and refusing
 * `<` would reject honest names like "Prod <EU>".
 */
export function checkName(input: string, options: { required?: boolean } = {}): NameCheck {
  if (input.length > NAME_MAX_CODE_UNITS) return { name: input, problem: tooLong() };
  const name = input.trim();
  if (name === '') {
    return {
      name,
      problem: options.required ? { code: 'name_required', message: 'Enter a name.' } : null,
    };
  }
  if (countCharacters(name, NAME_MAX_CHARACTERS) > NAME_MAX_CHARACTERS) {
    return { name, problem: tooLong() };
  }
  // Line breaks and other control characters would break every list that shows the name.
  if (hasControlCharacter(name)) {
    return {
      name,
      problem: {
        code: 'name_control_character',
        message: 'Use a name without line breaks or control characters.',
      },
    };
  }
  if (disallowedFormatCharacter(name) !== null) {
    return {
      name,
      problem: {
        code: 'name_invisible_character',
        message:
          'Use a name without invisible or direction-changing characters (such as zero-width spaces).',
      },
    };
  }
  return { name, problem: null };
}

function tooLong(): NameProblem {
  return {
    code: 'name_too_long',
    message: `Use at most ${NAME_MAX_CHARACTERS} characters.`,
    max: NAME_MAX_CHARACTERS,
  };
}

/**
 * The comparison key of a name: two names with the same key are the same name to people, and a
 * provider cannot hold both. NFKC (so "ｆｕｌｌｗｉｄｔｈ" and "fullwidth", "ﬁ" and "fi", a
 * no-break space and a space are alike), then a case fold (lower-, upper-, then lower-casing,
 * which folds "ß" and "ẞ" into "ss", with final sigma made ordinary), NFKC again, and runs of white space made one
 * space. Meant for names that passed {@link checkName}.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Whether two names are the same name for uniqueness (see {@link nameKey}). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** `base`, else `base 2`, `base 3`, … whichever is free first (for names a backend chooses). */
export function numberedName(base: string, taken: readonly string[]): string {
  return firstFree(base, (n) => `${base} ${n}`, taken);
}

/** `base`, else `base (2)`, `base (3)`, … whichever is free first (for account names). */
export function suffixedName(base: string, taken: readonly string[]): string {
  return firstFree(base, (n) => `${base} (${n})`, taken);
}

function firstFree(base: string, nth: (n: number) => string, taken: readonly string[]): string {
  const keys = new Set(taken.map(nameKey));
  if (!keys.has(nameKey(base))) return base;
  for (let n = 2; ; n += 1) {
    const name = nth(n);
    if (!keys.has(nameKey(name))) return name;
  }
}
