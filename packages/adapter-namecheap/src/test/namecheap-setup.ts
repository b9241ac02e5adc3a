/** Test helpers: the Namecheap emulator and an adapter pointed at it. */
import {
  type NamecheapEmulatorOptions,
  type RecordedRequest,
  type RunningEmulator,
  startNamecheapEmulator,
} from '@registrar-kit/testkit';
import { afterEach } from 'vitest';
import type { NamecheapOptions } from '../namecheap-client.js';
import { createNamecheap, type NamecheapRegistrar } from '../namecheap-registrar.js';

type Emulator = Awaited<ReturnType<typeof startNamecheapEmulator>>;
const running: RunningEmulator<unknown>[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** The ContactInput the order and record tests register with (inline: Namecheap has no contact ids). */
export const CONTACT = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44.2071234567',
  address1: '1 Example Street',
  city: 'London',
  stateProvince: 'London',
  postalCode: 'N1 1AA',
  country: 'GB',
};

/** Starts an emulator (closed after the test) and an adapter on it with the emulator's credentials. */
export async function namecheapOnEmulator(
  options: NamecheapEmulatorOptions = {},
  adapter: NamecheapOptions = {},
): Promise<{
  emulator: Emulator;
  registrar: NamecheapRegistrar;
  connect: (o?: NamecheapOptions) => NamecheapRegistrar;
}> {
  const emulator = await startNamecheapEmulator({ rateLimits: false, ...options });
  running.push(emulator as RunningEmulator<unknown>);
  const connect = (extra: NamecheapOptions = {}) =>
    createNamecheap({
      baseURL: emulator.url,
      ...(emulator.seedInfo.credentials as Record<string, string>),
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      ...adapter,
      ...extra,
    });
  return { emulator, registrar: connect(), connect };
}

/** The emulator logs a setHosts as the record write it does (createRecord, updateRecord, deleteRecord). */
const SET_HOSTS_COMMAND = 'namecheap.domains.dns.sethosts';

/** The operation of a logged request; every setHosts as `setHosts`, whatever write it did. */
export function operationOf(request: RecordedRequest): string | null {
  const command = (request.body as Record<string, string> | undefined)?.Command;
  return command?.toLowerCase() === SET_HOSTS_COMMAND ? 'setHosts' : request.operation;
}

/** The form bodies of the requests of one emulator operation since `from`. */
export function sent(
  emulator: { requests: RecordedRequest[] },
  operation: string,
  from = 0,
): Record<string, string>[] {
  return emulator.requests
    .slice(from)
    .filter((request) => operationOf(request) === operation)
    .map((request) => request.body as Record<string, string>);
}

/** The host rows of a setHosts form body, in order. */
export function hostRows(
  body: Record<string, string>,
): { name: string; type: string; address: string; mxpref: string; ttl: string }[] {
  const rows = [];
  for (let n = 1; body[`HostName${n}`] !== undefined; n++)
    rows.push({
      name: body[`HostName${n}`]!,
      type: body[`RecordType${n}`]!,
      address: body[`Address${n}`]!,
      mxpref: body[`MXPref${n}`]!,
      ttl: body[`TTL${n}`]!,
    });
  return rows;
}
