/**
 * Test helpers: the adapter against a fresh Porkbun emulator, the official OpenAPI excerpt
 * (../shared/specs/porkbun), and nock interceptors that keep what the adapter sent.
 */
import {
  loadOpenApi,
  type OpenApiIssue,
  PORKBUN_API_PREFIX,
  type PorkbunEmulatorOptions,
  type PorkbunState,
  type RunningEmulator,
  startPorkbunEmulator,
  validateRequest,
} from '@registrar-kit/testkit';
import nock from 'nock';
import { createPorkbun, type PorkbunOptions, type PorkbunRegistrar } from '../index.js';

export const SPEC = loadOpenApi(
  new URL('../../../../../shared/specs/porkbun/openapi-excerpt-3.27.json', import.meta.url).pathname,
);

export const API_HOST = 'https://api.porkbun.com';
export const API_KEY = 'pk1_nocktest0000000000000000000000000000';
export const SECRET_API_KEY = 'sk1_nocktest0000000000000000000000000000';

export interface PorkbunFixture {
  emulator: RunningEmulator<PorkbunState>;
  porkbun: PorkbunRegistrar;
  close(): Promise<void>;
}

/** The adapter against a new emulator (rate limits off unless asked, fast retries). */
export async function startPorkbun(
  options: PorkbunEmulatorOptions = {},
  adapter: Partial<PorkbunOptions> = {},
): Promise<PorkbunFixture> {
  const emulator = await startPorkbunEmulator({
    rateLimits: false,
    seed: { domains: 3, recordsPerDomain: 2 },
    ...options,
  });
  const porkbun = createPorkbun({
    baseURL: emulator.url + PORKBUN_API_PREFIX,
    apiKey: emulator.seedInfo.credentials.apiKey,
    secretApiKey: emulator.seedInfo.credentials.secretApiKey,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
    ...adapter,
  });
  return {
    emulator,
    porkbun,
    close: async () => {
      await porkbun.close();
      await emulator.close();
    },
  };
}

/** Every request the emulator received, checked against the OpenAPI excerpt (issues per request). */
export function specIssues(
  emulator: RunningEmulator<unknown>,
  from = 0,
): { request: string; issues: OpenApiIssue[] }[] {
  return emulator.requests
    .slice(from)
    .map((request) => ({
      request: `${request.method} ${request.path}`,
      issues: validateRequest(SPEC, {
        method: request.method,
        path: request.path,
        body: request.method === 'GET' ? undefined : request.body,
        query: request.query,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : value,
          ]),
        ),
      }),
    }))
    .filter((entry) => entry.issues.length > 0);
}

/** An adapter for nock tests against the production host (no retries unless asked). */
export function nockPorkbun(adapter: Partial<PorkbunOptions> = {}): PorkbunRegistrar {
  return createPorkbun({
    apiKey: API_KEY,
    secretApiKey: SECRET_API_KEY,
    retry: false,
    rateLimit: false,
    ...adapter,
  });
}

export interface SentRequest {
  method: string;
  /** Path with the `/api/json/v3` prefix. */
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Answers one request to `path` (after the v3 prefix) with `status` and `payload` (an object as
 * JSON, a string as is) and records what was sent in `sent`.
 */
export function answer(
  sent: SentRequest[],
  method: 'GET' | 'POST',
  path: string,
  status: number,
  payload: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): void {
  const scope = nock(API_HOST);
  const interceptor =
    method === 'GET' ? scope.get(PORKBUN_API_PREFIX + path) : scope.post(PORKBUN_API_PREFIX + path);
  interceptor.reply(function reply(uri, body) {
    const requestHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.req.headers))
      requestHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    sent.push({
      method,
      path: uri,
      body: typeof body === 'string' && body !== '' ? JSON.parse(body) : body === '' ? undefined : body,
      headers: requestHeaders,
    });
    return [status, typeof payload === 'string' ? payload : JSON.stringify(payload), headers];
  });
}

/** OpenAPI issues of every request in `sent`. */
export function sentIssues(sent: SentRequest[]): OpenApiIssue[] {
  return sent.flatMap((request) =>
    validateRequest(SPEC, {
      method: request.method,
      path: request.path,
      body: request.body,
      headers: request.headers,
    }),
  );
}
