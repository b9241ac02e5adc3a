/**
 * Reading a Porkbun request: credentials (body first, then the `X-API-Key`/`X-Secret-API-Key`
 * headers), JSON body fields with Porkbun's lenient types (numbers as strings, yes/no/on/off flags),
 * and path domains. docs/providers/porkbun.md#authentication and #data-formats.
 */
import type { EmulatorRequest } from '../emulator/emulator-types.js';
import { PorkbunError } from './porkbun-errors.js';

export type JsonBody = Record<string, unknown>;

/** The JSON body when it is an object (a `[]` body, tolerated on /ping, reads as `{}`). */
export function bodyOf(req: EmulatorRequest): JsonBody {
  const body = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonBody) : {};
}

export interface PresentedCredentials {
  apiKey: string | undefined;
  secretApiKey: string | undefined;
  source: 'body' | 'headers' | 'none';
  bearer: boolean;
}

function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Header credentials count only when the body carries none. */
export function credentialsOf(req: EmulatorRequest): PresentedCredentials {
  const body = bodyOf(req);
  const bearer = /^Bearer\s/i.test(header(req, 'authorization') ?? '');
  if ('apikey' in body || 'secretapikey' in body) {
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    return { apiKey: text(body.apikey), secretApiKey: text(body.secretapikey), source: 'body', bearer };
  }
  const apiKey = header(req, 'x-api-key') || undefined;
  const secretApiKey = header(req, 'x-secret-api-key') || undefined;
  if (apiKey !== undefined || secretApiKey !== undefined)
    return { apiKey, secretApiKey, source: 'headers', bearer };
  return { apiKey: undefined, secretApiKey: undefined, source: 'none', bearer };
}

/** A POST whose body is missing or not JSON (`INVALID_OR_EMPTY_JSON`), unless header auth stands in for it. */
export function bodyMissingOrInvalid(req: EmulatorRequest): boolean {
  if (req.method !== 'POST') return false;
  if (req.rawBody.trim() !== '' && req.body === undefined) return true;
  if (req.body !== undefined) return typeof req.body !== 'object' || req.body === null;
  return credentialsOf(req).source !== 'headers';
}

/** A non-empty string field, or undefined. */
export function optionalString(body: JsonBody, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new PorkbunError('INVALID_INPUT', `${name} must be a string.`);
  return value;
}

export function requiredString(body: JsonBody, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value === '')
    throw new PorkbunError('MISSING_PARAMETER', `Missing parameter: ${name}.`);
  return value;
}

/** An integer sent as a JSON number or a digit string (`"600"`), or undefined when absent. */
export function optionalInteger(body: JsonBody, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw new PorkbunError('INVALID_INPUT', `${name} must be an integer.`);
  return n;
}

export function requiredInteger(body: JsonBody, name: string): number {
  const value = optionalInteger(body, name);
  if (value === undefined) throw new PorkbunError('MISSING_PARAMETER', `Missing parameter: ${name}.`);
  return value;
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** A flag given as a boolean, 0/1 or one of the words yes/no, on/off, true/false, "1"/"0". */
export function optionalFlag(body: JsonBody, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const word = String(value).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new PorkbunError('INVALID_INPUT', `${name} must be yes or no.`);
}

/** `dryRun: true` (a JSON boolean; the words are accepted too). */
export function isDryRun(body: JsonBody): boolean {
  return optionalFlag(body, 'dryRun') === true;
}

/** A request parameter from the POST body or, for GET, the query string. */
export function readParam(req: EmulatorRequest, name: string): unknown {
  return req.method === 'GET' ? req.query[name] : bodyOf(req)[name];
}

/** The `{domain}` path segment, lower-case. */
export function pathDomain(req: EmulatorRequest, param = 'domain'): string {
  return (req.params[param] ?? '').toLowerCase();
}
