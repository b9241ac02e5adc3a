/**
 * Turns any error into one clear line plus a hint saying what to do, and picks the exit code: 0 ok,
 * 1 failure, 2 usage or input refused before any request (3: `dns diff --exit-code` found changes,
 * `portfolio` found something needing attention). Every text is redacted (known credential values from the environment, credential query
 * parameters and authorization schemes) before it is printed.
 */
import {
  isRegistrarError,
  type KnownProviderId,
  type RegistrarError,
  redactSecrets,
} from '@registrar-kit/core';
import { credentialHint, isKnownProvider, PROVIDER_LIST, PROVIDERS } from '../providers.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** `dns diff --exit-code`: the zone differs from the file (as `git diff --exit-code`). */
export const EXIT_CHANGES = 3;
/** `portfolio`: some domain needs attention or some provider failed (for cron). */
export const EXIT_ATTENTION = 3;

/** A wrong flag, argument or combination: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint: string | null = null,
  ) {
    super(message);
  }
}

export interface DescribedError {
  name: string;
  code: string;
  message: string;
  hint: string | null;
  exitCode: number;
}

/** The values of every secret credential variable (each adapter's `providerInfo`), to be removed from any output. */
export function credentialValues(env: NodeJS.ProcessEnv): string[] {
  const names = PROVIDER_LIST.flatMap((id) =>
    PROVIDERS[id].info.credentials
      .filter((credential) => credential.secret)
      .map((credential) => credential.env),
  );
  return [...new Set(names)].map((name) => env[name]).filter((value): value is string => Boolean(value));
}

export function redact(text: string, env: NodeJS.ProcessEnv): string {
  return redactSecrets(text, credentialValues(env));
}

function hintFor(error: RegistrarError): string | null {
  const provider = isKnownProvider(error.provider) ? error.provider : null;
  switch (error.name) {
    case 'AuthenticationError':
      if (provider) {
        return error.status === undefined
          ? `set ${credentialHint(provider)} or use --emulate`
          : `check ${credentialHint(provider)} (the provider refused the credential) or use --emulate`;
      }
      return 'check the credentials or use --emulate';
    case 'PermissionError':
      return 'the credential is valid but may not do this: check its scopes or account';
    case 'NotFoundError':
      return provider
        ? `check the name: \`registrar-kit domains list --provider ${provider}\` lists what the account holds`
        : 'check the name or id';
    case 'ValidationError':
      return validationHint(error as RegistrarError & { issues?: { path: string; message: string }[] });
    case 'UnsafePlanError':
      return 'check the plan (`registrar-kit dns diff`), then pass --force to apply it anyway';
    case 'UnsupportedOperationError':
      return '`registrar-kit providers` shows what each provider supports';
    case 'RateLimitError':
      return error.retryAfterMs !== undefined
        ? `the provider allows the next request in ${Math.ceil(error.retryAfterMs / 1000)} s`
        : 'wait a moment and try again';
    case 'NetworkError':
      return error.code === 'timeout'
        ? 'the provider did not answer in time: try again later'
        : 'check the network connection (and --base-url, if given)';
    case 'PaymentRequiredError':
      return 'the account balance or payment method does not cover this';
    case 'ConflictError':
      return 'the provider refused because of the current state (it may already exist)';
    case 'ResponseFormatError':
    case 'ProviderError':
      return 'the provider answered unexpectedly: try again later, or run with --debug for details';
    default:
      return null;
  }
}

/** The CLI flag that carries each field of a record or of the connection. */
const FLAGS: Record<string, string> = {
  name: '--name',
  type: '--type',
  content: '--content',
  ttl: '--ttl',
  priority: '--priority',
  weight: '--weight',
  port: '--port',
  baseURL: '--base-url',
  dnsBaseURL: '--base-url',
  owner: '--owner',
};

/** What to do about each issue: which flag to pass or fix (a zone file's issues name their line). */
function validationHint(error: RegistrarError & { issues?: { path: string; message: string }[] }): string {
  const issues = error.issues ?? [];
  if (issues.some((issue) => issue.path === 'owner'))
    return 'pass --owner <user_identifier> (PocketDNS keeps domains per user of the partner account)';
  if (issues.some((issue) => issue.path === 'baseURL' || issue.path === 'dnsBaseURL'))
    return 'pass --base-url https://host[/prefix] (plain http only for loopback hosts such as 127.0.0.1)';
  if (issues.length === 0) return 'check the arguments (`--help` lists them)';
  const steps = issues.map((issue) => {
    const flag = FLAGS[issue.path];
    if (flag === undefined) return `fix ${issue.path || 'the input'} (${issue.message})`;
    return /required|missing|needs/i.test(issue.message)
      ? `pass ${flag} (${issue.message})`
      : `fix ${flag} (${issue.message})`;
  });
  return [...new Set(steps)].join('; ');
}

/** "set DNSIMPLE_TOKEN", worded for a shell user rather than for the library's options. */
function missingCredential(provider: KnownProviderId): { message: string; hint: string } {
  return {
    message: `no ${PROVIDERS[provider].label} credentials: ${credentialHint(provider)} is not set`,
    hint: `set ${credentialHint(provider)} or use --emulate`,
  };
}

/** One line and a hint for any thrown value; never a stack trace. */
export function describeError(error: unknown, env: NodeJS.ProcessEnv): DescribedError {
  if (error instanceof UsageError) {
    return {
      name: 'UsageError',
      code: 'usage',
      message: redact(error.message, env),
      hint: error.hint === null ? null : redact(error.hint, env),
      exitCode: EXIT_USAGE,
    };
  }
  if (isRegistrarError(error)) {
    const provider = isKnownProvider(error.provider) ? error.provider : null;
    const needsOwner = (error as RegistrarError & { issues?: { path: string }[] }).issues?.some(
      (issue) => issue.path === 'owner',
    );
    const wording =
      error.code === 'missing_credentials' && provider !== null
        ? missingCredential(provider)
        : needsOwner && provider !== null
          ? {
              message: `${PROVIDERS[provider].label} needs the user whose domains to use`,
              hint: hintFor(error),
            }
          : { message: firstLine(error.message), hint: hintFor(error) };
    return {
      name: error.name,
      code: String(error.code),
      message: redact(wording.message, env),
      hint: wording.hint === null ? null : redact(wording.hint, env),
      // Input refused before any request (no HTTP status) is a usage error, as a bad flag is.
      exitCode: error.name === 'ValidationError' && error.status === undefined ? EXIT_USAGE : EXIT_FAILURE,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: error instanceof Error ? error.name : 'Error',
    code: 'internal',
    message: redact(firstLine(message), env),
    hint: 'run with --debug for details',
    exitCode: EXIT_FAILURE,
  };
}

/** `{ name, message }` of a per-row failure (check, compare), redacted. */
export function errorSummary(error: unknown, env: NodeJS.ProcessEnv): { name: string; message: string } {
  const described = describeError(error, env);
  return { name: described.name, message: described.message };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text;
  return line.trim();
}
