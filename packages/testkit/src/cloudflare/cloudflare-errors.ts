/**
 * The Cloudflare v4 envelope (`success`, `errors`, `messages`, `result`, `result_info`) and the
 * error codes the emulator answers with. Codes and messages come from docs/providers/cloudflare.md
 * (#errors); the ones marked "choice" are not documented anywhere we could read and are the
 * emulator's own pick (listed in packages/testkit/README.md).
 */
import type { EmulatorResponse } from '../emulator/emulator-types.js';
import { EmulatorHttpError } from '../emulator/emulator-types.js';

export interface CloudflareMessage {
  code: number;
  message: string;
  error_chain?: { code: number; message: string }[];
  source?: { pointer: string };
}

/** Error codes (docs/providers/cloudflare.md#errors). */
export const CF = {
  rateLimited: 971,
  missingRequiredParameter: 1001,
  parameterTooLong: 1002,
  noDomains: 1006,
  tooManyDomains: 1007,
  noValidDomains: 1008,
  /** choice: zone name already in the account. */
  zoneExists: 1061,
  invalidRequestHeaders: 6003,
  invalidAuthorizationHeader: 6111,
  noRoute: 7000,
  invalidIdentifier: 7003,
  invalidName: 9000,
  /** choice: a record type that cannot be proxied was sent with `proxied: true`. */
  notProxiable: 9004,
  invalidContent: 9005,
  contentTooLong: 9015,
  /** choice: TTL out of range. */
  invalidTtl: 9021,
  missingAuth: 9106,
  invalidToken: 9109,
  /** choice: malformed JSON body. */
  invalidBody: 9207,
  generic: 10000,
  recordNotFound: 81044,
  /** choice: the zone's record quota is used up. */
  quotaExceeded: 81045,
  cnameClash: 81053,
  cnameExists: 81054,
  delegated: 81056,
  identical: 81058,
  txtCombinedTooLong: 83011,
} as const;

export const RATE_LIMIT_MESSAGE = 'Please wait and consider throttling your request speed';

export function envelope(
  result: unknown,
  extra: { result_info?: unknown; messages?: CloudflareMessage[]; errors?: CloudflareMessage[] } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    success: true,
    errors: extra.errors ?? [],
    messages: extra.messages ?? [],
    result,
  };
  if (extra.result_info !== undefined) body.result_info = extra.result_info;
  return body;
}

export function ok(
  result: unknown,
  extra: Parameters<typeof envelope>[1] & { status?: number; headers?: Record<string, string> } = {},
): EmulatorResponse {
  const { status = 200, headers, ...rest } = extra;
  return { status, body: envelope(result, rest), headers };
}

export function failureBody(errors: CloudflareMessage[]): Record<string, unknown> {
  return { success: false, errors, messages: [], result: null };
}

/** Throws the failure envelope with one error. */
export function fail(status: number, code: number, message: string, pointer?: string): never {
  const error: CloudflareMessage = { code, message };
  if (pointer !== undefined) error.source = { pointer };
  throw new EmulatorHttpError(status, failureBody([error]));
}

/** A thrown failure that a batch can catch and report as its own first error. */
export function isFailure(error: unknown): error is EmulatorHttpError {
  return error instanceof EmulatorHttpError;
}

/** 7003 for a path id that is not a 32-hex identifier (docs/providers/cloudflare.md#zones). */
export function invalidIdentifier(path: string): never {
  fail(400, CF.invalidIdentifier, `Could not route to ${path}, perhaps your object identifier is invalid?`);
}

export const HEX_ID = /^[0-9a-f]{32}$/;

/** The body as an object ({} when absent or not an object). */
export function bodyObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** The error body for a status without a more specific cause (faults, unknown routes, 429, bad JSON). */
export function statusErrorBody(status: number, message: string): Record<string, unknown> {
  switch (status) {
    case 400:
      return failureBody([
        message === 'Invalid JSON body'
          ? { code: CF.invalidBody, message: 'Request body is invalid.' }
          : { code: CF.generic, message },
      ]);
    case 401:
      return failureBody([{ code: CF.invalidToken, message: 'Invalid access token' }]);
    case 403:
      return failureBody([{ code: CF.generic, message: 'Authentication error' }]);
    case 404:
      return failureBody([{ code: CF.noRoute, message: 'No route for that URI' }]);
    case 429:
      return failureBody([{ code: CF.rateLimited, message: RATE_LIMIT_MESSAGE }]);
    default:
      return failureBody([{ code: CF.generic, message }]);
  }
}
