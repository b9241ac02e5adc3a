/**
 * Credential loading, one rule for every adapter: the factory option wins, else the environment
 * variable, read at request time (so a rotated variable is picked up); an empty string counts as
 * missing. Missing → `AuthenticationError` code `missing_credentials` naming the option and the
 * variable (DESIGN.md, "Promises every adapter keeps").
 */
import { AuthenticationError } from '../errors/error-classes.js';

/** One credential of a provider: the factory option that carries it and its environment variable. */
export interface CredentialSpec {
  /** Factory option name (`token`, `apiKey`). */
  option: string;
  /** Environment variable read when the option is absent or empty (`DNSIMPLE_TOKEN`). */
  env: string;
}

/** The value of a credential, or undefined when neither the option nor the variable holds one. */
export function findCredential(value: string | undefined, spec: CredentialSpec): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  const fromEnv = typeof process === 'undefined' ? undefined : process.env[spec.env];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** The error for a missing credential: names the option and the variable, never a value. */
export function missingCredentialError(
  provider: string,
  operation: string,
  spec: CredentialSpec,
): AuthenticationError {
  return new AuthenticationError(
    `${provider} ${operation}: missing credential: pass the \`${spec.option}\` option or set ${spec.env}`,
    { provider, operation, code: 'missing_credentials' },
  );
}

/** The credential's value; throws `missingCredentialError` when there is none. */
export function loadCredential(
  value: string | undefined,
  spec: CredentialSpec,
  context: { provider: string; operation: string },
): string {
  const found = findCredential(value, spec);
  if (found === undefined) throw missingCredentialError(context.provider, context.operation, spec);
  return found;
}
