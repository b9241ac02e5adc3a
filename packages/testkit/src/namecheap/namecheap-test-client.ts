/** A plain-fetch client for the Namecheap emulator's own tests (no adapter code). */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, expect } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import {
  NAMECHEAP_TEST_API_KEY,
  NAMECHEAP_TEST_API_USER,
  NAMECHEAP_TEST_CLIENT_IP,
  type NamecheapEmulatorOptions,
  startNamecheapEmulator,
} from './namecheap-emulator.js';
import type { NamecheapState } from './namecheap-state.js';

/** Paths (suffixes) of the elements that repeat, always parsed as arrays. */
const LISTS = [
  'Errors.Error',
  'DomainGetListResult.Domain',
  '.host',
  '.Nameserver',
  'CommandResponse.DomainCheckResult',
  'TransferGetListResult.Transfer',
  'Tlds.Tld',
  'WhoisguardGetListResult.Whoisguard',
  '.ProductCategory',
  '.Product',
  '.Price',
];

export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  isArray: (_name, jpath, _leaf, isAttribute) =>
    !isAttribute && LISTS.some((suffix) => String(jpath).endsWith(suffix)),
});

export interface NcResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary XML nodes
  response: any;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary XML nodes
  command: any;
  ok: boolean;
  errors: { number: string; text: string }[];
}

export const GLOBALS = {
  ApiUser: NAMECHEAP_TEST_API_USER,
  ApiKey: NAMECHEAP_TEST_API_KEY,
  UserName: NAMECHEAP_TEST_API_USER,
  ClientIp: NAMECHEAP_TEST_CLIENT_IP,
};

/**
 * Calls a command: POST with every parameter in the form body (default), or GET with every
 * parameter in the query. `globals` replaces the global parameters (null drops one).
 */
export async function nc(
  emulator: RunningEmulator<unknown>,
  command: string | null,
  params: Record<string, string | number> = {},
  options: { method?: 'GET' | 'POST'; globals?: Record<string, string | null> } = {},
): Promise<NcResult> {
  const all = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...GLOBALS, ...options.globals }))
    if (value !== null) all.set(key, value);
  if (command !== null) all.set('Command', command);
  for (const [key, value] of Object.entries(params)) all.set(key, String(value));
  const method = options.method ?? 'POST';
  const response =
    method === 'GET'
      ? await fetch(`${emulator.url}/xml.response?${all}`)
      : await fetch(`${emulator.url}/xml.response`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: all.toString(),
        });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    if (text.startsWith('<?xml')) parsed = xmlParser.parse(text, true);
  } catch {
    // Not well-formed (the malformed-body fault): no parsed fields.
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary XML nodes
  const root: any = parsed.ApiResponse ?? {};
  const errors = (Array.isArray(root.Errors?.Error) ? root.Errors.Error : []).map(
    (e: Record<string, string>) => ({
      number: e['@_Number']!,
      text: e['#text']!,
    }),
  );
  return {
    status: response.status,
    headers: response.headers,
    text,
    response: root,
    command: root.CommandResponse,
    ok: root['@_Status'] === 'OK',
    errors,
  };
}

/** The full form of contacts for create/setContacts: four role blocks. */
export function contactParams(overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of ['Registrant', 'Tech', 'Admin', 'AuxBilling']) {
    Object.assign(out, {
      [`${role}FirstName`]: 'Ada',
      [`${role}LastName`]: 'Lovelace',
      [`${role}Address1`]: '12 Analytical Row',
      [`${role}City`]: 'London',
      [`${role}StateProvince`]: 'London',
      [`${role}PostalCode`]: 'N1 9GU',
      [`${role}Country`]: 'GB',
      [`${role}Phone`]: '+44.2071234567',
      [`${role}EmailAddress`]: 'ada@example.org',
    });
  }
  return { ...out, ...overrides };
}

/**
 * A `start(options)` for one test file: each emulator it starts (with `defaults` under the test's
 * options) is closed after the test.
 */
export function emulatorStarter(
  defaults: NamecheapEmulatorOptions = {},
): (options?: NamecheapEmulatorOptions) => Promise<RunningEmulator<NamecheapState>> {
  const running: RunningEmulator<NamecheapState>[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  return async (options = {}) => {
    const emulator = await startNamecheapEmulator({ ...defaults, ...options });
    running.push(emulator);
    return emulator;
  };
}

/** Registers `example.co.uk` for one year (with the .co.uk extended attributes); fails the test if refused. */
export async function registerCoUk(emulator: RunningEmulator<unknown>): Promise<void> {
  const created = await nc(emulator, 'namecheap.domains.create', {
    DomainName: 'example.co.uk',
    Years: 1,
    COUKLegalType: 'IND',
    COUKRegisteredfor: 'Ada Lovelace',
    ...contactParams(),
  });
  expect(created.ok, JSON.stringify(created.errors)).toBe(true);
}
