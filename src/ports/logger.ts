/**
 * A structured log line: a message, optionally after fields that make it searchable. Fields must
 * never carry a secret (a code, a token, a password, a key): logs are read by more people than the
 * database is.
 */
export interface LogMethod {
  (message: string): void;
  (fields: Record<string, unknown>, message: string): void;
}

/** Where background work reports what it did and what failed; pino in production. */
export interface Logger {
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}
