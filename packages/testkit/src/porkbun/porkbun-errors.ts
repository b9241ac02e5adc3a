/**
 * Porkbun's error envelope: `{ status: "ERROR", code, message, next_action: { type, hint, retryable,
 * url? }, requestId }` with the HTTP status each code is sent with (almost always 400), as
 * docs/providers/porkbun.md#errors describes. Where Porkbun documents no code or status for a case,
 * the choice is listed in packages/testkit/README.md (Porkbun section).
 */
import { EmulatorHttpError } from '../emulator/emulator-types.js';

export type PorkbunNextActionType =
  | 'fix_request'
  | 'authenticate'
  | 'enable_setting'
  | 'verify_account'
  | 'add_funds'
  | 'retry'
  | 'wait_and_retry'
  | 'use_website'
  | 'choose_alternative'
  | 'contact_support'
  | 'none';

interface CodeInfo {
  status: number;
  message: string;
  next: PorkbunNextActionType;
  hint: string;
  retryable?: boolean;
  url?: string;
}

const AUTH_HINT = 'Check your API key and secret API key at porkbun.com/account/api.';

/** Every code the emulator sends, with its status, default message and next action. */
export const PORKBUN_ERROR_CODES = {
  API_KEY_REQUIRED: {
    status: 400,
    message: 'An API key is required.',
    next: 'authenticate',
    hint: AUTH_HINT,
  },
  MISSING_SECRETAPIKEY: {
    status: 400,
    message: 'A secret API key (secretapikey) is required.',
    next: 'authenticate',
    hint: AUTH_HINT,
  },
  INVALID_API_KEYS_001: {
    status: 400,
    message: 'Invalid API key. (001)',
    next: 'authenticate',
    hint: AUTH_HINT,
  },
  INVALID_API_KEYS_002: {
    status: 400,
    message: 'Invalid API key. (002)',
    next: 'authenticate',
    hint: AUTH_HINT,
  },
  INVALID_TOKEN: { status: 400, message: 'Invalid or expired token.', next: 'authenticate', hint: AUTH_HINT },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'Method not allowed for this endpoint.',
    next: 'fix_request',
    hint: 'Use the HTTP method the documentation gives for this endpoint.',
  },
  INVALID_OR_EMPTY_JSON: {
    status: 400,
    message: 'The request body is empty or is not valid JSON.',
    next: 'fix_request',
    hint: 'Send a JSON object body (at least {}) with Content-Type: application/json.',
  },
  INVALID_ENDPOINT: {
    status: 404,
    message: 'Invalid endpoint.',
    next: 'fix_request',
    hint: 'Check the path against https://porkbun.com/api/json/v3/documentation.',
  },
  MISSING_PARAMETER: {
    status: 400,
    message: 'A required parameter is missing.',
    next: 'fix_request',
    hint: 'Add the missing parameter.',
  },
  INVALID_INPUT: {
    status: 400,
    message: 'Invalid input.',
    next: 'fix_request',
    hint: 'Correct the request and retry.',
  },
  INVALID_DOMAIN: {
    status: 400,
    message: 'Invalid domain.',
    next: 'fix_request',
    hint: 'Check the domain name and that it is in your account.',
  },
  DOMAIN_NOT_FOUND: {
    status: 404,
    message: 'Domain not found in your account.',
    next: 'fix_request',
    hint: 'List your domains with /domain/listAll.',
  },
  API_ACCESS_DISABLED: {
    status: 400,
    message:
      'Domain is not opted in to API access. You can enable API access for all domains globally from your account settings at porkbun.com.',
    next: 'enable_setting',
    hint: "Turn on API Access in the domain's Details panel, or Opt In All Domains in the account's API settings.",
    url: 'https://porkbun.com/account/domainsSpeedy',
  },
  INVALID_TLD: {
    status: 400,
    message: 'Invalid or unsupported TLD.',
    next: 'choose_alternative',
    hint: 'Pick a TLD listed by /pricing/get.',
  },
  UNSUPPORTED_TLD: {
    status: 400,
    message: 'This TLD is not supported for this operation.',
    next: 'use_website',
    hint: 'Use the website for this TLD.',
  },
  DOMAIN_NOT_AVAILABLE: {
    status: 400,
    message: 'The domain is not available for registration.',
    next: 'choose_alternative',
    hint: 'Check availability with /domain/checkDomain and pick another name.',
  },
  COST_MISMATCH: {
    status: 400,
    message: 'The cost supplied does not match the current price.',
    next: 'fix_request',
    hint: 'Re-fetch the price via /domain/checkDomain and resend the matching cost.',
  },
  INSUFFICIENT_FUNDS: {
    status: 400,
    message: 'Your account credit is insufficient to complete this purchase.',
    next: 'add_funds',
    hint: 'Add account credit and retry.',
    url: 'https://porkbun.com/account/billing',
  },
  SPEND_LIMIT_EXCEEDED: {
    status: 400,
    message: 'This purchase would exceed the monthly API spend limit.',
    next: 'enable_setting',
    hint: 'Raise the monthly spend limit in the account API settings.',
  },
  VERIFICATION_REQUIRED: {
    status: 400,
    message: 'Your account email address and phone number must be verified.',
    next: 'verify_account',
    hint: 'Verify the account at porkbun.com.',
  },
  NO_PRIOR_REGISTRATION: {
    status: 400,
    message: 'API registrations require at least one earlier domain registration on the account.',
    next: 'use_website',
    hint: 'Register a first domain on the website.',
  },
  RENEWAL_TOO_SOON: {
    status: 400,
    message: 'This domain was registered or renewed within the last 30 days and cannot be renewed yet.',
    next: 'wait_and_retry',
    hint: 'Retry after the 30-day window.',
  },
  TRANSFER_INIT_FAILED: {
    status: 400,
    message: 'Unable to initiate transfer. Your order has been refunded.',
    next: 'fix_request',
    hint: 'Check the auth code and that the domain is unlocked at its current registrar.',
  },
  TRANSFER_NOT_FOUND: {
    status: 400,
    message: 'No transfer found for this domain.',
    next: 'fix_request',
    hint: 'List transfers with /domain/listTransfers.',
  },
  INVALID_TYPE: {
    status: 400,
    message: 'Invalid record type.',
    next: 'fix_request',
    hint: 'Use a supported record type.',
  },
  INVALID_RECORD_ID: {
    status: 400,
    message: 'Invalid record ID.',
    next: 'fix_request',
    hint: 'List the records with /dns/retrieve.',
  },
  DUPLICATE_RECORD: {
    status: 400,
    message: 'A record with the same name, type and content already exists.',
    next: 'none',
    hint: 'The record already exists; existingId names it.',
  },
  RECORD_CONFLICT: {
    status: 400,
    message: 'The record conflicts with existing records (a CNAME cannot share its name with other records).',
    next: 'fix_request',
    hint: 'Remove the conflicting records first.',
  },
  NOTHING_TO_IMPORT: {
    status: 400,
    message: 'Nothing to import.',
    next: 'fix_request',
    hint: 'Send at least one importable record.',
  },
  TOO_MANY_RECORDS: {
    status: 400,
    message: 'Too many records: at most 500 per import.',
    next: 'fix_request',
    hint: 'Split the import.',
  },
  RATE_LIMIT_EXCEEDED: {
    status: 429,
    message: 'Rate limit exceeded. Please try again later.',
    next: 'wait_and_retry',
    hint: 'Wait for Retry-After seconds and retry.',
    retryable: true,
  },
  IDEMPOTENCY_KEY_MISMATCH: {
    status: 409,
    message: 'This Idempotency-Key was already used with a different request.',
    next: 'fix_request',
    hint: 'Use a new Idempotency-Key for a different request.',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed.',
    next: 'retry',
    hint: 'Retry shortly with the same key.',
    retryable: true,
  },
  INTERNAL_ERROR: {
    status: 500,
    message: 'Internal error.',
    next: 'retry',
    hint: 'Retry later.',
    retryable: true,
  },
} as const satisfies Record<string, CodeInfo>;

export type PorkbunErrorCode = keyof typeof PORKBUN_ERROR_CODES;

export interface PorkbunErrorBody {
  status: 'ERROR';
  code: string;
  message: string;
  next_action: { type: PorkbunNextActionType; hint: string; retryable: boolean; url?: string };
  requestId?: string;
  [extra: string]: unknown;
}

/** The error body of a code, with an optional message and extra fields (`existingId`, `ttlRemaining` …). */
export function porkbunErrorBody(
  code: PorkbunErrorCode,
  options: { message?: string; requestId?: string; extra?: Record<string, unknown> } = {},
): PorkbunErrorBody {
  const info: CodeInfo = PORKBUN_ERROR_CODES[code];
  const next: PorkbunErrorBody['next_action'] = {
    type: info.next,
    hint: info.hint,
    retryable: info.retryable ?? false,
  };
  if (info.url !== undefined) next.url = info.url;
  const body: PorkbunErrorBody = {
    status: 'ERROR',
    code,
    message: options.message ?? info.message,
    next_action: next,
    ...options.extra,
  };
  if (options.requestId !== undefined) body.requestId = options.requestId;
  return body;
}

/** The code the emulator server's generic errors (unknown route, bad JSON, injected faults) map to. */
export function porkbunCodeForStatus(status: number): PorkbunErrorCode {
  switch (status) {
    case 400:
      return 'INVALID_OR_EMPTY_JSON';
    case 401:
    case 403:
      return 'INVALID_API_KEYS_001';
    case 404:
      return 'INVALID_ENDPOINT';
    case 409:
      return 'IDEMPOTENCY_KEY_IN_USE';
    case 429:
      return 'RATE_LIMIT_EXCEEDED';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_INPUT';
  }
}

/** An `EmulatorHttpError` carrying a Porkbun error body (thrown by route handlers). */
export class PorkbunError extends EmulatorHttpError {
  constructor(
    readonly code: PorkbunErrorCode,
    message?: string,
    extra?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const options: { message?: string; extra?: Record<string, unknown> } = {};
    if (message !== undefined) options.message = message;
    if (extra !== undefined) options.extra = extra;
    super(PORKBUN_ERROR_CODES[code].status, porkbunErrorBody(code, options), headers);
  }
}
