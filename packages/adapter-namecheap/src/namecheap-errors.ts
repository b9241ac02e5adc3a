/**
 * Namecheap's error answers → typed errors. API errors come back as HTTP 200 with
 * `Status="ERROR"` and `<Error Number="…">text</Error>`; the text for one number varies, so the
 * class is chosen by number and the text kept for the message
 * (docs/providers/namecheap.md#errors). Over the rate limit the API answers a bare HTTP 405 (or,
 * in 2018, error 500000): a `RateLimitError`, safe to retry because nothing was executed
 * (docs/providers/namecheap.md#rate-limits). The error `code` is the Namecheap error number.
 */
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PaymentRequiredError,
  PermissionError,
  type ProviderAnswer,
  ProviderError,
  type ProviderErrorDetails,
  RateLimitError,
  type RegistrarError,
  type RegistrarErrorOptions,
  ValidationError,
} from '@registrar-kit/core';
import { ErrorEnvelopeSchema } from './namecheap-schemas.js';

export const PROVIDER = 'namecheap';

/** The IP whitelist refusal (`Invalid request IP: <address>`). */
export const IP_NOT_WHITELISTED = '1011150';
/** Domain not found / not in the account, the number most commands use. */
export const DOMAIN_NOT_FOUND = '2019166';
/** renew: the domain has expired (reactivate it); reactivate: it has not. */
export const DOMAIN_EXPIRED = '2020166';

type ErrorClass = new (message: string, options: RegistrarErrorOptions) => RegistrarError;

/** Numbers from https://www.namecheap.com/support/api/error-codes/ and the method pages. */
const BY_NUMBER: Record<string, ErrorClass> = {
  // Global parameters and authentication.
  '1010101': AuthenticationError,
  '1010102': AuthenticationError,
  '1010103': AuthenticationError,
  '1010105': AuthenticationError,
  '1011102': AuthenticationError,
  '1011105': AuthenticationError,
  '1011150': AuthenticationError,
  '1017150': AuthenticationError,
  '1017105': AuthenticationError,
  '1017101': AuthenticationError,
  '1017410': PaymentRequiredError,
  '1017411': AuthenticationError,
  '1019103': AuthenticationError,
  '1016103': AuthenticationError,
  '1017103': AuthenticationError,
  '1030408': AuthenticationError,
  '1050900': ProviderError,
  // A command this adapter sent is unknown or incomplete: our fault, not the caller's input.
  '1010104': ProviderError,
  '1011104': ProviderError,
  // Domains that are not there or not yours.
  '2019166': NotFoundError,
  '2016166': NotFoundError,
  '3019510': NotFoundError,
  '4019329': NotFoundError,
  '4019337': ProviderError,
  // State conflicts.
  '2020166': ConflictError,
  '2030288': ConflictError,
  '2011331': ConflictError,
  '3019166': ConflictError,
  '4019166': ConflictError,
  // Money.
  '2528166': PaymentRequiredError,
  '2033409': PaymentRequiredError,
  // Over the limit (the 2018 answer).
  '500000': RateLimitError,
};

/** 2030166 is "Domain is invalid" on getInfo (not in the account) and "edit permission" elsewhere. */
function classFor(number: string | undefined, operation: string): ErrorClass {
  if (number === '2030166') return operation === 'getDomain' ? NotFoundError : PermissionError;
  if (number && BY_NUMBER[number]) return BY_NUMBER[number];
  // Unknown numbers by their first digit: 1 authentication, 2 request validation, else the server.
  if (number?.startsWith('1')) return AuthenticationError;
  if (number?.startsWith('2')) return ValidationError;
  return ProviderError;
}

function hint(number: string | undefined, text: string): string {
  if (number === IP_NOT_WHITELISTED) {
    const ip = /(\d{1,3}(?:\.\d{1,3}){3})/.exec(text)?.[1];
    return ip
      ? `; whitelist ${ip} in Namecheap (Profile > Tools > Namecheap API Access > Whitelisted IPs)`
      : '; whitelist the calling server’s IPv4 address in Namecheap (Profile > Tools > API Access)';
  }
  if (number === '1011102') return '; check the API key and that API access is enabled for the account';
  if (number === DOMAIN_EXPIRED) return ' (an expired domain is renewed with restoreDomain)';
  return '';
}

/** The error for the first `<Error>` of an envelope. */
export function apiError(
  errors: { number: string | undefined; text: string }[],
  operation: string,
  redact: (text: string) => string = (text) => text,
): RegistrarError {
  const first = errors[0] ?? { number: undefined, text: 'the answer has Status="ERROR" and no error' };
  const texts = errors.map((e) => `${e.number ? `error ${e.number}: ` : ''}${redact(e.text)}`).join('; ');
  const ErrorType = classFor(first.number, operation);
  const message = `${PROVIDER} ${operation}: ${texts}${hint(first.number, first.text)}`;
  const options: RegistrarErrorOptions & { issues?: { path: string; message: string }[] } = {
    provider: PROVIDER,
    operation,
    // A rate-limit answer keeps the common code, which the retry rules know.
    code: ErrorType === RateLimitError ? 'rate_limited' : (first.number ?? 'api_error'),
    ...(ErrorType === RateLimitError ? { retryable: true } : {}),
  };
  if (ErrorType === ValidationError) options.issues = [{ path: '', message: redact(first.text) }];
  return new ErrorType(message, options);
}

/**
 * The transport's hook: HTTP 405 is the rate limit; an envelope with `Status="ERROR"` (or with
 * errors) is the error its first number says. Anything else goes on as usual.
 */
export function classifyNamecheapAnswer(
  answer: ProviderAnswer,
  context: { operation: string; redact: (text: string) => string },
): RegistrarError | undefined {
  if (answer.status === 405)
    return new RateLimitError(
      `${PROVIDER} ${context.operation}: over Namecheap's request limit (HTTP 405; nothing was executed)`,
      { provider: PROVIDER, operation: context.operation, status: 405, retryable: true },
    );
  if (answer.status >= 300) return undefined;
  const parsed = ErrorEnvelopeSchema.safeParse(answer.body);
  if (!parsed.success) return undefined;
  const { status } = parsed.data.apiresponse;
  const errors = parsed.data.apiresponse.errors?.error ?? [];
  if (status.toUpperCase() === 'OK' && errors.length === 0) return undefined;
  return apiError(errors, context.operation, context.redact);
}

/** Message of an error envelope sent with an HTTP error status (injected faults, proxies). */
export function parseNamecheapError(body: unknown): ProviderErrorDetails {
  const parsed = ErrorEnvelopeSchema.safeParse(body);
  if (!parsed.success) return {};
  const first = parsed.data.apiresponse.errors?.error[0];
  return first ? { message: first.text, ...(first.number ? { code: first.number } : {}) } : {};
}
