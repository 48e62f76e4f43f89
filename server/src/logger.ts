/**
 * The server's logger port. The server never logs a secret: call sites pass only identifiers,
 * codes and errors, and `createConsoleLogger` reduces errors to their name, message and stack.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event on stderr (what container platforms collect). */
export function createConsoleLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (options.quiet && level === 'info') return;
    const entry = { level, time: new Date().toISOString(), message, ...serialise(fields) };
    process.stderr.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that drops everything (tests that check their own outcomes). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

function serialise(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value,
    ]),
  );
}
