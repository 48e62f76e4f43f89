/**
 * The validation rules the server applies, taken from the one definition the mock and the
 * dialogs use too (DESIGN.md §2, "One definition of each rule"). The server adds only what a
 * browser mock cannot do (verification with the provider, DNS checks at connect time).
 */
export { checkFieldValues, maskValues, SECRET_MAX_BYTES } from '../../../mocks/store/field-values';
export { nameProblem, numberedName, suffixedName } from '../../../mocks/store/names';

/** The comparison key that makes names unique ignoring case and Unicode normalisation. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}
