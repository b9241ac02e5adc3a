import { redactSecrets } from './redact.js';

/** Longest message kept from a third-party error. */
const MAX_MESSAGE = 500;

/**
 * A plain `Error` standing for a third-party error (a user callback's, a library's) as the `cause`
 * of a `RegistrarError`: only its name and its message (redacted, shortened) are kept. Nothing
 * else survives: an axios error's `config` (with `auth.password` and headers), `request`,
 * `response`, own properties and nested causes never reach an error chain.
 */
export function plainCause(error: unknown, secrets: readonly string[] = []): Error {
  const source = error instanceof Error ? error : null;
  const name = typeof source?.name === 'string' && source.name.length > 0 ? source.name : 'Error';
  const text = source ? String(source.message ?? '') : safeString(error);
  const message = redactSecrets(text, secrets).slice(0, MAX_MESSAGE);
  const cause = new Error(message);
  Object.defineProperty(cause, 'name', {
    value: redactSecrets(name, secrets).slice(0, 100),
    configurable: true,
    writable: true,
  });
  cause.stack = `${cause.name}: ${message}`;
  return cause;
}

function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return `a thrown ${value === null ? 'null' : typeof value}`;
}
