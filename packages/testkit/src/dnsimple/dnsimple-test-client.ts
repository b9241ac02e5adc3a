/**
 * Plain-fetch helper for the DNSimple emulator's own tests (no adapter code): one call = one HTTP
 * request, the answer with its status, headers, raw text and parsed JSON (undefined when not JSON).
 */
import { afterEach } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import {
  DNSIMPLE_DEFAULT_TOKEN,
  type DnsimpleEmulator,
  type DnsimpleEmulatorOptions,
  startDnsimpleEmulator,
} from './dnsimple-emulator.js';

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading arbitrary JSON bodies.
  json: any;
}

export type TestClient = (method: string, path: string, body?: unknown) => Promise<TestResponse>;

export function dnsimpleClient(
  emulator: Pick<RunningEmulator<unknown>, 'url'>,
  token: string | null = DNSIMPLE_DEFAULT_TOKEN,
): TestClient {
  return async (method, path, body) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${emulator.url}${path}`, {
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
    return { status: res.status, headers: res.headers, text, json };
  };
}

/** Every page of a DNSimple list endpoint, following `pagination` (per_page as given). */
export async function fetchAllPages(
  api: TestClient,
  path: string,
  perPage: number,
): Promise<{ items: unknown[]; pages: TestResponse[] }> {
  const items: unknown[] = [];
  const pages: TestResponse[] = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 1; page < 10_000; page++) {
    const res = await api('GET', `${path}${sep}page=${page}&per_page=${perPage}`);
    pages.push(res);
    if (res.status !== 200) break;
    items.push(...res.json.data);
    if (res.json.pagination.current_page >= res.json.pagination.total_pages) break;
  }
  return { items, pages };
}

/**
 * `start(options)` for a test file: starts a DNSimple emulator with a client for it; every emulator
 * started is closed after each test.
 */
export function dnsimpleTestStarter(): (
  options?: DnsimpleEmulatorOptions,
) => Promise<{ emu: DnsimpleEmulator; api: TestClient }> {
  const running: DnsimpleEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  return async (options = {}) => {
    const emu = await startDnsimpleEmulator(options);
    running.push(emu);
    return { emu, api: dnsimpleClient(emu) };
  };
}
