/** A plain-fetch client for the PocketDNS emulator's own tests (no adapter code). */
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { POCKETDNS_TEST_API_KEY } from './pocketdns-emulator.js';

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields
  body: any;
  text: string;
}

export async function call(
  emulator: RunningEmulator<unknown>,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; apiKey?: string | null } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const key = options.apiKey === undefined ? POCKETDNS_TEST_API_KEY : options.apiKey;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emulator.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}
