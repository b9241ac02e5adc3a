/**
 * Porkbun's error envelope `{ status: "ERROR", code, message, next_action: { type, hint, retryable,
 * url? } }` (docs/providers/porkbun.md#errors) and the typed error each code becomes. Porkbun answers
 * almost every refusal with HTTP 400, so the class comes from the stable `code`, never from the
 * message (whose wording may change): bad keys are an `AuthenticationError`, a domain not opted in
 * to API access a `PermissionError`, lacking credit a `PaymentRequiredError`, an unknown domain or
 * record a `NotFoundError`. The edge's HTML 503 under bursts is a `RateLimitError`
 * (docs/providers/porkbun.md#rate-limits).
 */
import {
  AuthenticationError,
  ConflictError,
  isRegistrarError,
  NotFoundError,
  PaymentRequiredError,
  PermissionError,
  type ProviderErrorDetails,
  RateLimitError,
  type RegistrarError,
  type RegistrarErrorOptions,
} from '@registrar-kit/core';
import { z } from 'zod';

export const PorkbunErrorBodySchema = z
  .object({
    status: z.literal('ERROR'),
    code: z.string().optional(),
    message: z.string().optional(),
    next_action: z
      .object({ type: z.string().optional(), hint: z.string().optional(), url: z.string().optional() })
      .passthrough()
      .nullish(),
    ttlRemaining: z.union([z.number(), z.string()]).optional(),
  })
  .passthrough();
export type PorkbunErrorBody = z.infer<typeof PorkbunErrorBodySchema>;

/** The credential itself is wrong or missing (HTTP 400 at Porkbun, never 401). */
export const AUTH_CODES: ReadonlySet<string> = new Set([
  'API_KEY_REQUIRED',
  'MISSING_SECRETAPIKEY',
  'INVALID_API_KEYS_001',
  'INVALID_API_KEYS_002',
  'INVALID_TOKEN',
  'INVALID_USER',
]);

/** The code Porkbun's MCP gives "Domain is not opted in to API access." */
export const API_ACCESS_DISABLED = 'API_ACCESS_DISABLED';
const API_ACCESS_MESSAGE = /not opted in to API access/i;
/** The checkDomain refusal before 3.15: `1 out of 1 checks within 10 seconds used.` */
const OLD_RATE_LIMIT_MESSAGE = /checks within \d+ seconds used/i;

const OPT_IN_HOWTO =
  'turn on "API Access" in the domain\'s Details panel at porkbun.com, or "Opt In All Domains" in the account\'s API settings';

type ErrorClass = new (message: string, options: RegistrarErrorOptions) => RegistrarError;

const CLASS_BY_CODE: Record<string, ErrorClass> = {
  [API_ACCESS_DISABLED]: PermissionError,
  IP_NOT_ALLOWED: PermissionError,
  DOMAIN_NOT_ALLOWED: PermissionError,
  INSUFFICIENT_FUNDS: PaymentRequiredError,
  SPEND_LIMIT_EXCEEDED: PaymentRequiredError,
  INVALID_DOMAIN: NotFoundError,
  DOMAIN_NOT_FOUND: NotFoundError,
  INVALID_RECORD_ID: NotFoundError,
  TRANSFER_NOT_FOUND: NotFoundError,
  DUPLICATE_RECORD: ConflictError,
  RECORD_CONFLICT: ConflictError,
  DOMAIN_NOT_AVAILABLE: ConflictError,
  RATE_LIMIT_EXCEEDED: RateLimitError,
};

/** The code of a Porkbun error body, with the two message-only cases of older deployments named. */
function codeOf(body: PorkbunErrorBody): string | undefined {
  if (body.code) return body.code;
  if (body.message && API_ACCESS_MESSAGE.test(body.message)) return API_ACCESS_DISABLED;
  if (body.message && OLD_RATE_LIMIT_MESSAGE.test(body.message)) return 'RATE_LIMIT_EXCEEDED';
  return undefined;
}

/** The transport's `parseError`: Porkbun's message (with its code and hint) and the code. */
export function parsePorkbunError(body: unknown): ProviderErrorDetails {
  const parsed = PorkbunErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const code = codeOf(parsed.data);
  const hint =
    code === API_ACCESS_DISABLED
      ? `to allow it, ${OPT_IN_HOWTO}`
      : (parsed.data.next_action?.hint ?? undefined);
  const text = parsed.data.message ?? code;
  const message = text
    ? `${text}${code && text !== code ? ` (${code})` : ''}${hint ? `: ${hint}` : ''}`
    : undefined;
  return {
    ...(message ? { message } : {}),
    ...(code ? { code } : {}),
    ...(code && AUTH_CODES.has(code) ? { invalidCredential: true } : {}),
  };
}

/** Seconds in `ttlRemaining` (number or numeric string) as milliseconds. */
export function ttlRemainingMs(body: unknown): number | undefined {
  const parsed = PorkbunErrorBodySchema.safeParse(body);
  const value = parsed.success ? Number(parsed.data.ttlRemaining) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
}

function classFor(error: RegistrarError): ErrorClass | null {
  // An edge HTML 503 (no JSON body, so no cause) means "too many requests": a rate limit.
  if (error.status === 503 && error.cause === undefined) return RateLimitError;
  // Porkbun sends its refusals with 400 (or 200 before 3.x): the code decides.
  if (error.status !== 400 && error.status !== 200) return null;
  if (AUTH_CODES.has(error.code)) return AuthenticationError;
  return CLASS_BY_CODE[error.code] ?? null;
}

/**
 * The typed error for a Porkbun refusal the transport classed by HTTP status alone (every field
 * kept: message, status, code, request id, the redacted body as `cause`). Other errors pass through.
 */
export function porkbunTypedError(error: unknown): unknown {
  if (!isRegistrarError(error)) return error;
  const Class = classFor(error);
  if (Class === null || classOf(error) === Class) return error;
  const rateLimited = Class === RateLimitError;
  const retryAfterMs = error.retryAfterMs ?? (rateLimited ? ttlRemainingMs(bodyOf(error)) : undefined);
  return new Class(error.message, {
    provider: error.provider,
    operation: error.operation,
    status: error.status,
    code: rateLimited && error.status === 503 ? 'rate_limited' : error.code,
    retryable: rateLimited || error.retryable,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  });
}

/** The constructor of an error (its class, for a no-op check). */
function classOf(error: RegistrarError): unknown {
  return (error as object).constructor;
}

/** The provider body the transport kept as an error's cause (`ProviderBody.body`). */
export function bodyOf(error: RegistrarError): unknown {
  return (error.cause as { body?: unknown } | undefined)?.body;
}
