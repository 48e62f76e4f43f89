/**
 * The validation rules the server applies, from the one definition the mock and the dialogs use
 * too (`src/rules`, DESIGN.md §2 "One definition of each rule"). The server adds only what a
 * browser mock cannot do: verification with the provider, and address checks at connect time.
 */
export { checkFieldValues } from '../../../src/rules/field-values';
export { checkName, nameKey, numberedName, suffixedName } from '../../../src/rules/names';
export { checkSecret } from '../../../src/rules/secrets';
