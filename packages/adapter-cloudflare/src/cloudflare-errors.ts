/**
 * Cloudflare's failure envelope (`{success: false, errors: [{code, message, source?}]}`) → the
 * transport's error details, and the error class by Cloudflare error code where the code says more
 * than the HTTP status (docs/providers/cloudflare.md#errors).
 */
import {
  ConflictError,
  isRegistrarError,
  NotFoundError,
  type ProviderErrorDetails,
  RateLimitError,
  type RegistrarError,
  type ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import { z } from 'zod';

export const CloudflareMessageSchema = z
  .object({
    code: z.number().int(),
    message: z.string(),
    source: z.object({ pointer: z.string() }).partial().passthrough().optional(),
    error_chain: z.array(z.object({ code: z.number().int(), message: z.string() }).passthrough()).optional(),
  })
  .passthrough();
export type CloudflareMessage = z.infer<typeof CloudflareMessageSchema>;

const FailureSchema = z.object({ errors: z.array(CloudflareMessageSchema) }).passthrough();

/** Cloudflare error codes the adapter names (docs/providers/cloudflare.md#errors). */
export const CLOUDFLARE_ERROR_CODES: Readonly<Record<number, string>> = {
  971: 'rate_limited',
  1001: 'missing_parameter',
  1002: 'parameter_too_long',
  1006: 'no_domains',
  1007: 'too_many_domains',
  1008: 'no_valid_domains',
  1061: 'zone_exists',
  6003: 'invalid_request_headers',
  7000: 'no_route',
  7003: 'invalid_identifier',
  9000: 'invalid_record_name',
  9005: 'invalid_record_content',
  9015: 'record_content_too_long',
  9106: 'missing_auth_headers',
  9109: 'invalid_token',
  81044: 'record_not_found',
  81053: 'cname_conflict',
  81054: 'cname_conflict',
  81056: 'delegated_name',
  81057: 'duplicate_record',
  81058: 'duplicate_record',
  83011: 'txt_too_long',
};

/** Codes 10000 messages stand for (the Registrar API uses 10000 for every business error). */
const GENERIC_MESSAGES: readonly [RegExp, string][] = [
  [/^Domain not found/i, 'domain_not_found'],
  [/^No workflow found/i, 'workflow_not_found'],
  [/^A workflow already exists/i, 'workflow_exists'],
  [/^Invalid pagination cursor/i, 'invalid_cursor'],
  [/^Authentication error/i, 'permission_denied'],
];

function codeOf(error: CloudflareMessage): string {
  const named = CLOUDFLARE_ERROR_CODES[error.code];
  if (named) return named;
  if (error.code === 10000) {
    for (const [pattern, code] of GENERIC_MESSAGES) if (pattern.test(error.message)) return code;
  }
  return `cloudflare_${error.code}`;
}

/** The transport's `parseError`: every error with its code and pointer, the first one's code. */
export function parseCloudflareError(body: unknown): ProviderErrorDetails {
  const parsed = FailureSchema.safeParse(body);
  if (!parsed.success || parsed.data.errors.length === 0) return {};
  const errors = parsed.data.errors;
  const describe = (error: CloudflareMessage) => {
    const chain = (error.error_chain ?? []).map((c) => `${c.message} (${c.code})`).join('; ');
    return `${error.message} (${error.code})${chain ? `: ${chain}` : ''}`;
  };
  return {
    message: errors.map(describe).join('; '),
    code: codeOf(errors[0]!),
    issues: errors.map((error) => ({
      path: (error.source?.pointer ?? '').replace(/^\//, '').replaceAll('/', '.'),
      message: error.message,
    })),
    invalidCredential: errors.some((error) => error.code === 9109),
  };
}

type ErrorClass = new (
  message: string,
  options: ConstructorParameters<typeof ValidationError>[1],
) => RegistrarError;

/** Codes whose meaning decides the class whatever the status (a 400 "Record does not exist."). */
const CLASS_BY_CODE: Readonly<Record<string, ErrorClass>> = {
  record_not_found: NotFoundError,
  domain_not_found: NotFoundError,
  workflow_not_found: NotFoundError,
  workflow_exists: ConflictError,
  zone_exists: ConflictError,
  duplicate_record: ConflictError,
  rate_limited: RateLimitError,
};

/**
 * The same error with the class its Cloudflare code calls for: the docs show Registrar errors as
 * "4XX examples" without a status, so "Domain not found" may come as a 400. Other errors pass.
 */
export function classifyCloudflareError(error: unknown): unknown {
  if (!isRegistrarError(error) || error.status === undefined) return error;
  const wanted = CLASS_BY_CODE[error.code];
  if (!wanted) return error;
  const current: RegistrarError = error;
  if (current instanceof wanted) return current;
  const issues = (current as { issues?: ValidationIssue[] }).issues;
  return new wanted(error.message, {
    provider: error.provider,
    operation: error.operation,
    status: error.status,
    code: error.code,
    retryable: error.retryable,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    cause: error.cause,
    ...(issues ? { issues } : {}),
  });
}
