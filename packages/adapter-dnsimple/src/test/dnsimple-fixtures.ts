/**
 * Test fixtures: DNSimple's official response fixtures replayed with nock, and payloads in the
 * documented shapes (https://developer.dnsimple.com/v2/), overridable per test.
 *
 * Replays DNSimple's official `.http` response fixtures with nock. The fixtures are read from
 * `DNSIMPLE_FIXTURES_DIR` or `shared/fixtures/dnsimple` next to the repository clone; they are never
 * copied into the repository. `FIXTURES_AVAILABLE` is false when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContactInput } from '@registrar-kit/core';
import type { Interceptor } from 'nock';
import type { DnsimpleZoneRecord } from '../dnsimple-schemas.js';

/** `packages/adapter-dnsimple/../../../shared/fixtures/dnsimple`, i.e. beside the clone. */
export const FIXTURES_DIR =
  process.env.DNSIMPLE_FIXTURES_DIR ??
  fileURLToPath(new URL('../../../../../shared/fixtures/dnsimple', import.meta.url));
export const FIXTURES_AVAILABLE = existsSync(join(FIXTURES_DIR, 'README.md'));
export const FIXTURES_MISSING_MESSAGE = `DNSimple fixtures not found at ${FIXTURES_DIR} (set DNSIMPLE_FIXTURES_DIR)`;

export interface HttpFixture {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers a replay must not repeat: content-length is often wrong in the fixtures, the rest are hop-by-hop or legacy. */
const DROPPED = new Set(['content-length', 'connection', 'status', 'transfer-encoding']);

/** Parses a raw HTTP/1.1 response file (LF or CRLF) into status, lower-cased headers and body. */
export function parseHttpFixture(text: string): HttpFixture {
  const split = /\r?\n\r?\n/.exec(text);
  const head = split ? text.slice(0, split.index) : text;
  const body = split ? text.slice(split.index + split[0].length) : '';
  const [statusLine = '', ...lines] = head.split(/\r?\n/);
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine);
  if (!match) throw new Error(`not an HTTP response fixture: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!DROPPED.has(name)) headers[name] = line.slice(colon + 1).trim();
  }
  return { status: Number(match[1]), headers, body: body.trim() };
}

export function loadFixture(relativePath: string): HttpFixture {
  return parseHttpFixture(readFileSync(join(FIXTURES_DIR, relativePath), 'utf8'));
}

/** The fixture's JSON body (for expectations on `raw`). */
export function fixtureJson(relativePath: string): unknown {
  return JSON.parse(loadFixture(relativePath).body);
}

/** Answers a nock interceptor with a fixture, as DNSimple sent it. */
export function replay(interceptor: Interceptor, relativePath: string) {
  const fixture = loadFixture(relativePath);
  return interceptor.reply(fixture.status, fixture.body, fixture.headers);
}

/** A zone record as DNSimple answers it. */
export const zoneRecordPayload = (over: Partial<DnsimpleZoneRecord> = {}): DnsimpleZoneRecord => ({
  id: 9,
  zone_id: 'example.com',
  parent_id: null,
  name: 'x',
  content: '',
  ttl: 3600,
  priority: null,
  type: 'A',
  regions: ['global'],
  system_record: false,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  ...over,
});

/** A domain as DNSimple answers it (a hosted example.com unless overridden). */
export const domainPayload = (over: Record<string, unknown> = {}) => ({
  id: 5,
  account_id: 1010,
  registrant_id: null,
  name: 'example.com',
  unicode_name: 'example.com',
  state: 'hosted',
  auto_renew: false,
  private_whois: false,
  expires_on: null,
  expires_at: null,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  ...over,
});

/** A registrant as the model takes it (`ContactInput`), valid at DNSimple. */
export const ADA: ContactInput = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44.2071234567',
  address1: '12 St James Square',
  city: 'London',
  stateProvince: 'Greater London',
  postalCode: 'SW1Y 4LB',
  country: 'GB',
};
