import type { Messages } from '../i18n/messages';
import { checkName, NAME_MAX_CHARACTERS, type NameProblem } from '../rules/names';

/*
 * The Authorization Name check in the active catalog's words, without zod: the API key form's
 * schema wraps it, and the inline Rename form (which has no other use for zod) calls it directly.
 */

type ValidationMessages = Messages['apiKey']['validation'];

function nameMessage(problem: NameProblem, messages: ValidationMessages): string {
  switch (problem.code) {
    case 'name_required':
      return messages.nameRequired;
    case 'name_too_long':
      return messages.nameTooLong({ max: NAME_MAX_CHARACTERS });
    case 'name_control_character':
      return messages.nameControlCharacters;
    case 'name_invisible_character':
      return messages.nameInvisibleCharacters;
  }
}

/**
 * Checks a typed Authorization Name by the name rules (`checkName`): the name as it will be
 * saved (trimmed), and the message to show when it is not acceptable.
 */
export function checkNameInput(
  input: string,
  messages: ValidationMessages,
  options: { required: boolean },
): { name: string; error?: string } {
  const { name, problem } = checkName(input, options);
  return problem ? { name, error: nameMessage(problem, messages) } : { name };
}
