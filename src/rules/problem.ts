/**
 * What every rule in `src/rules/` answers when it refuses a value: a machine-readable `code`
 * (stable, for programs and for the UI to pick its own localized words) and an English
 * `message` for people (what a backend puts in the error envelope). A rule returns `null` when
 * the value is fine.
 */
export interface RuleProblem<Code extends string = string> {
  code: Code;
  message: string;
}
