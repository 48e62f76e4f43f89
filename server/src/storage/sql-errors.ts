/**
 * PostgreSQL's unique-violation (SQLSTATE 23505), whether pg or PGlite raised it and whether
 * drizzle wrapped it (drizzle puts the driver's error in `cause`).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, constraint: name } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || name === constraint;
  }
  return false;
}
