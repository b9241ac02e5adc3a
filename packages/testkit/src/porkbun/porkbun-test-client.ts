/**
 * Plain-fetch client for the Porkbun emulator's own tests (no adapter code). `post` puts the key
 * pair in the JSON body (Porkbun's primary form), `get` in the `X-API-Key`/`X-Secret-API-Key`
 * headers. Every exchange is kept, so a test can validate all requests and answers against the
 * OpenAPI excerpt.
 */
import { afterEach } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import {
  PORKBUN_API_PREFIX,
  PORKBUN_TEST_API_KEY,
  PORKBUN_TEST_SECRET_API_KEY,
  type PorkbunEmulatorOptions,
  startPorkbunEmulator,
} from './porkbun-emulator.js';
import type { PorkbunState } from './porkbun-state.js';

export interface PorkbunExchange {
  method: string;
  /** Full path, `/api/json/v3/…`. */
  path: string;
  requestBody: unknown;
  requestHeaders: Record<string, string>;
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields
  json: any;
}

export interface CallOptions {
  /** Where the credentials go (default: body for POST, headers for GET). */
  auth?: 'body' | 'headers' | 'none';
  /** Sent as is instead of a JSON body. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface PorkbunTestClient {
  post(path: string, body?: Record<string, unknown>, options?: CallOptions): Promise<PorkbunExchange>;
  get(path: string, options?: CallOptions): Promise<PorkbunExchange>;
  exchanges: PorkbunExchange[];
}

export function porkbunClient(
  emulator: Pick<RunningEmulator<unknown>, 'url'>,
  keys: { apiKey: string; secretApiKey: string } = {
    apiKey: PORKBUN_TEST_API_KEY,
    secretApiKey: PORKBUN_TEST_SECRET_API_KEY,
  },
): PorkbunTestClient {
  const exchanges: PorkbunExchange[] = [];
  const send = async (
    method: string,
    path: string,
    body: Record<string, unknown> | undefined,
    options: CallOptions,
  ): Promise<PorkbunExchange> => {
    const auth = options.auth ?? (method === 'POST' ? 'body' : 'headers');
    const headers: Record<string, string> = { ...options.headers };
    let requestBody: unknown = body;
    if (auth === 'body') requestBody = { apikey: keys.apiKey, secretapikey: keys.secretApiKey, ...body };
    if (auth === 'headers') {
      headers['x-api-key'] = keys.apiKey;
      headers['x-secret-api-key'] = keys.secretApiKey;
    }
    let payload = options.rawBody;
    if (payload === undefined && requestBody !== undefined) payload = JSON.stringify(requestBody);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const fullPath = `${PORKBUN_API_PREFIX}${path}`;
    const res = await fetch(`${emulator.url}${fullPath}`, { method, headers, body: payload });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const exchange: PorkbunExchange = {
      method,
      path: fullPath,
      requestBody: options.rawBody === undefined ? requestBody : options.rawBody,
      requestHeaders: headers,
      status: res.status,
      headers: res.headers,
      text,
      json,
    };
    exchanges.push(exchange);
    return exchange;
  };
  return {
    post: (path, body = {}, options = {}) => send('POST', path, body, options),
    get: (path, options = {}) => send('GET', path, undefined, options),
    exchanges,
  };
}

/** A `start(options)` for a test file: each emulator it starts is closed after its test. */
export function porkbunEmulators(): (
  options?: PorkbunEmulatorOptions,
) => Promise<{ emulator: RunningEmulator<PorkbunState>; api: PorkbunTestClient }> {
  let running: RunningEmulator<PorkbunState>[] = [];
  afterEach(async () => {
    await Promise.all(running.map((e) => e.close()));
    running = [];
  });
  return async (options = {}) => {
    const emulator = await startPorkbunEmulator(options);
    running.push(emulator);
    return { emulator, api: porkbunClient(emulator) };
  };
}
