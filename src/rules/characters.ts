/**
 * Character classes and counts shared by the name, secret and field-value rules. Pure functions
 * over strings: no DOM, no i18n, usable by the dialogs, the mock and the reference server.
 */

/**
 * Characters that break a one-line value wherever it is shown or stored: C0/C1 controls (NUL,
 * line breaks, escape, DEL…), the Unicode line and paragraph separators, and lone surrogates
 * (half a character, which no encoder can write as UTF-8).
 */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;

/** Whether `text` holds a control character, a line or paragraph separator or a lone surrogate. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Format characters (`\p{Cf}`): invisible code points such as zero-width spaces, the soft
 * hyphen, the byte-order mark, and every bidi control (LRM/RLM, embeddings, overrides,
 * isolates, the Arabic letter mark). They make look-alikes ("Firecrawl\u200B production") and
 * reorder what people read (`\u202E`).
 */
const FORMAT = /\p{Cf}/u;
const EVERY_FORMAT = /\p{Cf}/gu;

/** Whether `text` holds any format (`\p{Cf}`) character, bidi controls included. */
export function hasFormatCharacter(text: string): boolean {
  return FORMAT.test(text);
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI_TRAILER = /[\uFE0F\p{Emoji_Modifier}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Scripts where a joiner has no spelling role, so one there can only disguise a name. */
const NO_JOINER_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const BLACK_FLAG = '\u{1F3F4}';

/**
 * The first format character that is not part of ordinary writing, or null. Allowed, because
 * text needs them: the zero-width joiner inside an emoji sequence (👨‍👩‍👧), the zero-width
 * (non-)joiner between two letters of a script that spells with it (Persian, the Indic scripts),
 * and the tag characters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Every other format character (zero-width
 * space, word joiner, soft hyphen, byte-order mark, every bidi control) is refused.
 */
export function disallowedFormatCharacter(text: string): string | null {
  EVERY_FORMAT.lastIndex = 0;
  for (let match = EVERY_FORMAT.exec(text); match; match = EVERY_FORMAT.exec(text)) {
    const char = match[0];
    const index = match.index;
    if (!formatCharacterAllowed(text, char, index)) return char;
  }
  return null;
}

function formatCharacterAllowed(text: string, char: string, index: number): boolean {
  if (char === '\u200D' || char === '\u200C') {
    const before = codePointBefore(text, index);
    const after = codePointAt(text, index + char.length);
    if (before === null || after === null) return false;
    if (char === '\u200D' && PICTOGRAPH.test(after)) {
      // An emoji, possibly with a variation selector or skin tone, then the joiner.
      const base = EMOJI_TRAILER.test(before)
        ? codePointBefore(text, index - before.length)
        : before;
      if (base !== null && PICTOGRAPH.test(base)) return true;
    }
    return (
      LETTER_OR_MARK.test(before) &&
      LETTER_OR_MARK.test(after) &&
      !NO_JOINER_SCRIPT.test(before) &&
      !NO_JOINER_SCRIPT.test(after)
    );
  }
  if (TAG.test(char)) {
    // A tag sequence: the black flag, then tag characters up to here.
    let start = index;
    while (start > 0) {
      const previous = codePointBefore(text, start);
      if (previous === null || !TAG.test(previous)) break;
      start -= previous.length;
    }
    return codePointBefore(text, start) === BLACK_FLAG;
  }
  return false;
}

function codePointAt(text: string, index: number): string | null {
  const code = text.codePointAt(index);
  return code === undefined ? null : String.fromCodePoint(code);
}

function codePointBefore(text: string, index: number): string | null {
  if (index <= 0) return null;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

let segmenter: Intl.Segmenter | null | undefined;

/**
 * Counts characters as people see them (grapheme clusters): "👍🏽" and "👨‍👩‍👧" are one each,
 * where `String.length` says 4 and 8. Stops counting once it passes `stopAfter`, so a caller that
 * only needs "more than N" never walks a long text. Falls back to code points where
 * `Intl.Segmenter` is missing. Callers bound the input first (segmenting is costly per
 * character): see `NAME_MAX_CODE_UNITS`.
 */
export function countCharacters(text: string, stopAfter = Infinity): number {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  let count = 0;
  for (const _unit of segmenter ? segmenter.segment(text) : text) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

/**
 * The UTF-8 size of `text` in bytes, without encoding it (a lone surrogate counts 3, as the
 * replacement character an encoder writes in its place).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
