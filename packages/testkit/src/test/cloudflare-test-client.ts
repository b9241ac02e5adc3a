/**
 * Plain-fetch helper for the Cloudflare emulator's own tests (no adapter code): one call = one HTTP
 * request under `/client/v4`, the answer with its status, headers, raw text and parsed JSON.
 */
import { afterEach } from 'vitest';
import {
  CLOUDFLARE_API_PREFIX,
  CLOUDFLARE_DEFAULT_ACCOUNT_ID,
  CLOUDFLARE_DEFAULT_TOKEN,
  type CloudflareEmulator,
  type CloudflareEmulatorOptions,
  startCloudflareEmulator,
} from '../cloudflare/cloudflare-emulator.js';

/** A `start(options)` for a test file; every emulator it started is closed after each test. */
export function cloudflareEmulators(): (options?: CloudflareEmulatorOptions) => Promise<CloudflareEmulator> {
  const running: CloudflareEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  return async (options = {}) => {
    const emulator = await startCloudflareEmulator(options);
    running.push(emulator);
    return emulator;
  };
}

export interface CloudflareTestResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading arbitrary JSON bodies.
  json: any;
}

export interface CloudflareCall {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Every request the tests send and every answer, for the spec-validation test to replay. */
export const exchanges: { call: CloudflareCall; response: CloudflareTestResponse }[] = [];

export type CloudflareTestClient = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<CloudflareTestResponse>;

export function cloudflareClient(
  emulator: Pick<CloudflareEmulator, 'url'>,
  token: string | null = CLOUDFLARE_DEFAULT_TOKEN,
): CloudflareTestClient {
  return async (method, path, body, extraHeaders = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && typeof body !== 'string') headers['content-type'] = 'application/json';
    const res = await fetch(`${emulator.url}${CLOUDFLARE_API_PREFIX}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const response = { status: res.status, headers: res.headers, text, json };
    exchanges.push({ call: { method, path, body, headers: extraHeaders }, response });
    return response;
  };
}

/** `/accounts/<default account>` + rest. */
export function accountPath(rest: string, accountId = CLOUDFLARE_DEFAULT_ACCOUNT_ID): string {
  return `/accounts/${accountId}${rest}`;
}

/** The id of a zone by name, through `GET /zones?name=`. */
export async function zoneIdOf(api: CloudflareTestClient, name: string): Promise<string> {
  const res = await api('GET', `/zones?name=${encodeURIComponent(name)}`);
  const id = res.json?.result?.[0]?.id;
  if (typeof id !== 'string') throw new Error(`zone ${name} not found (${res.status})`);
  return id;
}

/** `/accounts/<account>/registrar` + rest (production Registrar API). */
export function registrarPath(rest: string, accountId = CLOUDFLARE_DEFAULT_ACCOUNT_ID): string {
  return accountPath(`/registrar${rest}`, accountId);
}

/** `/accounts/<account>/registrar-sandbox` + rest. */
export function sandboxPath(rest: string, accountId = CLOUDFLARE_DEFAULT_ACCOUNT_ID): string {
  return accountPath(`/registrar-sandbox${rest}`, accountId);
}

/** The failure envelope of a Registrar refusal: code 10000, with the JSON Pointer when given. */
export function registrarRefusal(message: string, pointer?: string) {
  return {
    success: false,
    errors: [
      pointer === undefined ? { code: 10000, message } : { code: 10000, message, source: { pointer } },
    ],
    messages: [],
    result: null,
  };
}

/** A complete registrant contact, as registration bodies carry it. */
export const registrantContacts = {
  registrant: {
    email: 'ada@example.org',
    phone: '+44.2071234567',
    postal_info: {
      name: 'Ada Lovelace',
      address: {
        street: '12 St James Square',
        city: 'London',
        state: 'London',
        postal_code: 'SW1Y 4JH',
        country_code: 'GB',
      },
    },
  },
};
