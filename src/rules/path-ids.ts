/**
 * Ids travel in URL paths (`/credentials/{id}`): an id must stay one path segment whatever it
 * holds. Clients path-encode it; the ids that encoding cannot protect are refused.
 */
import type { RuleProblem } from './problem';

/**
 * Checks an id before it goes into a path: a non-empty string, and not `.` or `..`, which
 * stay dot segments even when percent-encoded and would move the request to another route
 * (`DELETE /credentials/..` is `DELETE /`). A backend answers 404 for such a segment.
 */
export function checkPathId(id: unknown): RuleProblem<'bad_request'> | null {
  if (typeof id === 'string' && id !== '' && !isDotSegment(id)) return null;
  return { code: 'bad_request', message: 'This id cannot be used in a request path.' };
}

/** Whether a (decoded) path segment is `.` or `..`. */
export function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..';
}
