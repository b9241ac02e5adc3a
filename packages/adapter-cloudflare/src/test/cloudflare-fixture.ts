/**
 * Test helpers: a Cloudflare emulator with an adapter pointed at it, and every request the adapter
 * sent checked against Cloudflare's OpenAPI files (docs/providers/cloudflare.md#sources).
 */
import { fileURLToPath } from 'node:url';
import {
  type CloudflareEmulator,
  type CloudflareEmulatorOptions,
  loadCloudflareSpecs,
  type OpenApiIssue,
  startCloudflareEmulator,
  validateRequest,
} from '@registrar-kit/testkit';
import { afterEach } from 'vitest';
import type { CloudflareOptions } from '../cloudflare-client.js';
import { type CloudflareRegistrar, createCloudflare } from '../cloudflare-registrar.js';

export const SPECS = loadCloudflareSpecs(
  fileURLToPath(new URL('../../../../../shared/specs/cloudflare/', import.meta.url)),
);

/** Operations neither file describes (zone creation and account listing are outside the excerpt). */
const NOT_IN_SPECS = /^(POST \/client\/v4\/zones|GET \/client\/v4\/accounts)$/;

export interface Setup {
  emulator: CloudflareEmulator;
  cloudflare: CloudflareRegistrar;
  /** Requests sent since the setup (or the last `mark()`), as `METHOD path?query`. */
  sent(): {
    method: string;
    path: string;
    query: Record<string, string>;
    body: unknown;
    headers: Record<string, string>;
  }[];
  /** Starts `sent()` afresh. */
  mark(): void;
}

const running: CloudflareEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** An emulator (rate limits off unless asked) and an adapter on it with fast polling and no retries. */
export async function setup(
  emulatorOptions: CloudflareEmulatorOptions = {},
  adapterOptions: CloudflareOptions = {},
): Promise<Setup> {
  const emulator = await startCloudflareEmulator({ rateLimits: false, ...emulatorOptions });
  running.push(emulator);
  const cloudflare = createCloudflare({
    baseURL: `${emulator.url}/client/v4`,
    apiToken: emulator.seedInfo.credentials.apiToken,
    accountId: emulator.seedInfo.credentials.accountId,
    retry: false,
    rateLimit: false,
    pollIntervalMs: 1,
    ...adapterOptions,
  });
  let from = 0;
  return {
    emulator,
    cloudflare,
    mark: () => {
      from = emulator.requests.length;
    },
    sent: () =>
      emulator.requests.slice(from).map((r) => ({
        method: r.method,
        path: r.path.replace(/^\/client\/v4/, ''),
        query: r.query,
        body: r.body,
        headers: Object.fromEntries(
          Object.entries(r.headers).map(([key, value]) => [
            key,
            Array.isArray(value) ? value.join(', ') : String(value),
          ]),
        ),
      })),
  };
}

const RECORD_PATH = /^(\/client\/v4\/zones\/[^/]+\/dns_records)\/([^/]+)$/;

/**
 * Issues of every request sent to the emulator, against the file that describes its path. The
 * official 2024 file types a PATCH body as a whole record (every field of its type required),
 * although a PATCH changes only the fields it sends (docs/providers/cloudflare.md#update-patch-vs-put):
 * a single-record PATCH is checked as the same change in a batch (`patches: [{id, …}]`).
 */
export function requestIssues(emulator: CloudflareEmulator): { call: string; issues: OpenApiIssue[] }[] {
  return emulator.requests
    .filter((r) => !NOT_IN_SPECS.test(`${r.method} ${r.path}`))
    .map((r) => {
      const record = r.method === 'PATCH' ? RECORD_PATH.exec(r.path) : null;
      const request = record
        ? {
            method: 'POST',
            path: `${record[1]}/batch`,
            body: { patches: [{ id: record[2], ...(r.body as object) }] },
          }
        : { method: r.method, path: r.path, query: r.query, body: r.body };
      const headers = Object.fromEntries(
        Object.entries(r.headers).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join(', ') : value,
        ]),
      );
      return {
        call: `${r.method} ${r.path}`,
        // DELETE goes without a body, as the official SDK sends it, although the 2024 file marks one required.
        issues: validateRequest(SPECS.specFor(request.path, true), { ...request, headers }).filter(
          (issue) => !(r.method === 'DELETE' && issue.message === 'a request body is required'),
        ),
      };
    })
    .filter((finding) => finding.issues.length > 0);
}

/** A complete contact, as `RegisterInput.contacts` takes it. */
export const ADA = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  organization: 'Analytical Engines Ltd',
  email: 'ada@example.org',
  phone: '+44.2071234567',
  address1: '12 St James Square',
  address2: null,
  city: 'London',
  stateProvince: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

/** A raw call to the emulator, for arranging what the adapter then reads. */
export async function api(
  emulator: CloudflareEmulator,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read Cloudflare's JSON answers freely.
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${emulator.url}/client/v4${path}`, {
    method,
    headers: {
      authorization: `Bearer ${emulator.seedInfo.credentials.apiToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/** The zone id of a seeded zone. */
export async function zoneId(emulator: CloudflareEmulator, name: string): Promise<string> {
  return (await api(emulator, 'GET', `/zones?name=${name}`)).json.result[0].id;
}
