/**
 * PocketDNS's error body `{ error, message, details }` and the error codes of the "Common Error
 * Codes" tables on its Domain Management and DNS Records pages (https://docs.pocketdns.com/;
 * docs/providers/pocketdns.md#errors).
 */
import { EmulatorHttpError } from '../emulator/emulator-types.js';

export type PocketDnsErrorCode =
  | 'validation_error'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable_entity'
  | 'rate_limit_exceeded'
  | 'internal_error';

export interface PocketDnsErrorBody {
  error: PocketDnsErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * The documented code for a status. 402 is not in PocketDNS's tables (it is only sent by an
 * injected fault); every 5xx is `internal_error`, the only server error code the docs list.
 */
export function pocketDnsErrorCode(status: number): PocketDnsErrorCode {
  switch (status) {
    case 400:
      return 'validation_error';
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment_required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'unprocessable_entity';
    case 429:
      return 'rate_limit_exceeded';
    default:
      return status >= 500 ? 'internal_error' : 'validation_error';
  }
}

export function pocketDnsErrorBody(
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): PocketDnsErrorBody {
  return { error: pocketDnsErrorCode(status), message, details };
}

/** The error a handler throws to answer with PocketDNS's error body. */
export function pocketDnsError(
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): EmulatorHttpError {
  return new EmulatorHttpError(status, pocketDnsErrorBody(status, message, details));
}
