/**
 * The DNSimple emulator and an adapter pointed at it, for tests: `startDnsimple(options)` gives
 * both and registers them for `stopDnsimple()` (call it in `afterEach`).
 */
import {
  type DnsimpleEmulator,
  type DnsimpleEmulatorOptions,
  startDnsimpleEmulator,
} from '@registrar-kit/testkit';
import type { DnsimpleOptions } from '../dnsimple-client.js';
import { createDnsimple, type DnsimpleRegistrar } from '../dnsimple-registrar.js';

const running: { emulator: DnsimpleEmulator; dnsimple: DnsimpleRegistrar }[] = [];

/** Options every test adapter uses against the emulator: its credentials, quick retries, no limiter. */
export function emulatorOptions(emulator: DnsimpleEmulator): DnsimpleOptions {
  return {
    baseURL: emulator.url,
    token: emulator.seedInfo.credentials.token,
    accountId: emulator.seedInfo.credentials.accountId,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
  };
}

export async function startDnsimple(
  emulatorOpts: DnsimpleEmulatorOptions = {},
  adapterOpts: DnsimpleOptions = {},
): Promise<{ emulator: DnsimpleEmulator; dnsimple: DnsimpleRegistrar }> {
  const emulator = await startDnsimpleEmulator({ rateLimits: false, ...emulatorOpts });
  const dnsimple = createDnsimple({ ...emulatorOptions(emulator), ...adapterOpts });
  const started = { emulator, dnsimple };
  running.push(started);
  return started;
}

export async function stopDnsimple(): Promise<void> {
  for (const { emulator, dnsimple } of running.splice(0)) {
    await dnsimple.close();
    await emulator.close();
  }
}

/** The requests the emulator received whose method and path match (path without the query). */
export function requestsTo(emulator: DnsimpleEmulator, method: string, path: string | RegExp) {
  return emulator.requests.filter(
    (request) =>
      request.method === method &&
      (typeof path === 'string' ? request.path === path : path.test(request.path)),
  );
}
