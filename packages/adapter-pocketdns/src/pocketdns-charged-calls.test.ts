/**
 * Once PocketDNS has charged, the call resolves: nothing read after the charge can turn a paid
 * renewal or transfer into an error that invites a second purchase (DESIGN.md, "Promises every
 * adapter keeps"). Against the emulator, with its ledger and fault injection: every read of the
 * account's domains fails once the call has begun.
 */
import { toArray } from '@registrar-kit/core';
import { POCKETDNS_DEFAULT_USER, type RunningEmulator, startPocketDnsEmulator } from '@registrar-kit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createPocketDns } from './index.js';

let emulator: RunningEmulator<unknown> | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const READS_FAIL = [
  { route: 'getDomain', fault: { type: 'status', status: 500 } },
  { route: 'listDomains', fault: { type: 'status', status: 500 } },
  { route: 'getTransfer', fault: { type: 'status', status: 500 } },
] as const;

async function start() {
  const running = await startPocketDnsEmulator({ rateLimits: false });
  emulator = running as RunningEmulator<unknown>;
  const pocketdns = createPocketDns({
    baseURL: running.url,
    apiKey: running.seedInfo.credentials.apiKey!,
    owner: POCKETDNS_DEFAULT_USER,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
  });
  return { running, pocketdns };
}

describe('paid calls while every read fails', () => {
  it('renewDomain by id resolves with the renewal answer and charges once', async () => {
    const { running, pocketdns } = await start();
    const [domain] = await toArray(pocketdns.listDomains());
    running.setFaults([...READS_FAIL]);
    const charged = running.ledger.length;
    const result = await pocketdns.renewDomain(domain!.id, { years: 1 });
    expect(result).toMatchObject({ provider: 'pocketdns', domain: domain!.name, status: 'completed' });
    expect(result.expiresAt).toBeInstanceOf(Date);
    expect(running.ledger.slice(charged).map((entry) => entry.operation)).toEqual(['renew']);
    expect(running.requests.filter((r) => r.operation === 'renewDomain')).toHaveLength(1);
  });

  it('transferDomain resolves with the transfer answer and charges once', async () => {
    const { running, pocketdns } = await start();
    running.setFaults([...READS_FAIL]);
    const charged = running.ledger.length;
    const name = running.seedInfo.registeredName;
    const result = await pocketdns.transferDomain({ domain: name, authCode: 'EPP-1234' });
    expect(result).toMatchObject({ provider: 'pocketdns', domain: name });
    expect(running.ledger.slice(charged).map((entry) => entry.operation)).toEqual(['transfer']);
    expect(running.requests.filter((r) => r.operation === 'transferDomain')).toHaveLength(1);
  });
});
