import type { Messages } from '../i18n/messages';
import { errorMessage } from './error-message';

/**
 * One complaint about one input, named by its path in what the action sent: `name`,
 * `values.apiKey` (a provider field of an API key), `clientId`, `extra.tenant` (a provider field
 * of an OAuth client). A form whose values have the input's shape uses the path as it is.
 */
export interface FieldFailure {
  /** Where the input is, e.g. `values.apiKey`. */
  path: string;
  /** What is wrong with it, in the UI's words. */
  message: string;
}

/** What an {@link ActionFailure} is made of. */
export interface ActionFailureInit {
  /** The error the backend (or anything else) rejected with. */
  cause: unknown;
  /** Complaints that belong to an input, in the form's order (focus goes to the first). */
  fieldErrors?: readonly FieldFailure[];
  /** A sentence for the form as a whole; `null` when the field errors say everything. */
  summary: string | null;
  /** Seconds to wait before trying again, when the backend said (429, an outage's 503). */
  retryAfterSeconds?: number | null;
}

/**
 * Why an action of `src/actions/` failed, already said in the UI's words for the view that
 * asked: the errors of its inputs, a sentence for the rest and how long to wait. Every action
 * rejects with one (never with a bare `CredentialsError`), so a view shows a failure without
 * knowing the backend's codes; the original error stays reachable as `cause`.
 */
export class ActionFailure extends Error {
  /** Complaints that belong to an input, in the form's order. */
  readonly fieldErrors: readonly FieldFailure[];
  /** A sentence for the form as a whole; `null` when the field errors say everything. */
  readonly summary: string | null;
  /** Seconds to wait before trying again, when the backend said. */
  readonly retryAfterSeconds: number | null;

  /** A failure of the given parts; its `message` is the summary, else the first field error. */
  constructor({ cause, fieldErrors = [], summary, retryAfterSeconds = null }: ActionFailureInit) {
    super(summary ?? fieldErrors[0]?.message ?? 'The action failed.', { cause });
    this.name = 'ActionFailure';
    this.fieldErrors = fieldErrors;
    this.summary = summary;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * The failure any rejection stands for: itself when it is one already, otherwise one sentence
   * saying what happened (in the catalog's words for its code) and no field errors.
   */
  static from(error: unknown, messages: Messages): ActionFailure {
    if (error instanceof ActionFailure) return error;
    return new ActionFailure({ cause: error, summary: errorMessage(error, messages) });
  }
}
