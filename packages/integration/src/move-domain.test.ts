/**
 * `moveDomain` end to end through the real adapters against two emulators that share one
 * `TransferRegistry` (DESIGN.md, "Moving a domain between providers"; issue 19 "Done when"):
 * Glauca → DNSimple with the DNS copied to DNSimple, DNSimple → Glauca with the DNS copied to
 * HexDNS through the e-mailed auth code, a fault injected mid-way and the resumed re-run, and the
 * dry run that sends no mutation. Every claim is checked on the emulators' own state, request
 * logs and ledgers, never on what the adapters say about themselves.
 */

import { createCloudflare } from '@registrar-kit/adapter-cloudflare';
import {
  MOVE_STEPS,
  type MoveReport,
  moveDomain,
  ProviderError,
  type Registrar,
  toArray,
  waitForTransfer,
} from '@registrar-kit/core';
import {
  CLOUDFLARE_API_PREFIX,
  type RecordedRequest,
  startCloudflareEmulator,
  startDnsimpleEmulator,
  startGlaucaEmulator,
  TransferRegistry,
} from '@registrar-kit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { type AnyEmulator, createFor, FAST_RETRY } from './support/providers.js';

const DOMAIN = 'test-domain-1.com';
const WAIT = { intervalMs: 5, timeoutMs: 10_000 };

type GlaucaEmulator = Awaited<ReturnType<typeof startGlaucaEmulator>>;
type DnsimpleEmulator = Awaited<ReturnType<typeof startDnsimpleEmulator>>;

interface Pair {
  registry: TransferRegistry;
  glauca: GlaucaEmulator;
  dnsimple: DnsimpleEmulator;
  glaucaRegistrar: Registrar;
  dnsimpleRegistrar: Registrar;
}

const running: AnyEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Both emulators on one registry; the gaining side starts without domains. */
async function startPair(losing: 'glauca' | 'dnsimple'): Promise<Pair> {
  const registry = new TransferRegistry();
  const empty = { seed: { domains: 0 } };
  // At Glauca the domain carries its registrar lock, so the move has to lift it.
  const glaucaSide = losing === 'glauca' ? { domainStates: { [DOMAIN]: 'transfer-locked' as const } } : empty;
  const glauca = await startGlaucaEmulator({ registry, instantOrders: true, ...glaucaSide });
  running.push(glauca as AnyEmulator);
  const dnsimple = await startDnsimpleEmulator({ registry, ...(losing === 'dnsimple' ? {} : empty) });
  running.push(dnsimple as AnyEmulator);
  const options = { retry: FAST_RETRY, rateLimit: false as const };
  return {
    registry,
    glauca,
    dnsimple,
    glaucaRegistrar: createFor('glauca', glauca as AnyEmulator, glauca.url, options),
    dnsimpleRegistrar: createFor('dnsimple', dnsimple as AnyEmulator, dnsimple.url, options),
  };
}

/** A record as both providers serve it, without ids or provider fields. */
async function recordSet(registrar: Registrar, domain: string): Promise<string[]> {
  const records = await toArray(registrar.listRecords(domain));
  return records
    .filter((r) => !(r.type === 'NS' && r.name === '@'))
    .map((r) => `${r.type} ${r.name} ${r.content} ${r.ttl}${r.priority !== null ? ` ${r.priority}` : ''}`)
    .sort();
}

/** The gaining registrar, reading its own records of the domain just before it starts the transfer. */
function recordsBeforeTransfer(registrar: Registrar) {
  let seen: string[] | null = null;
  const wrapped: Registrar = Object.create(registrar);
  wrapped.transferDomain = async (input, options) => {
    seen = await recordSet(registrar, input.domain);
    return registrar.transferDomain(input, options);
  };
  return { registrar: wrapped, seen: () => seen };
}

/** A whole move without switchNameservers. */
const FULL_MOVE = [
  'preflight:done',
  'price:done',
  'zone:done',
  'records:done',
  'unlock:done',
  'auth_code:done',
  'transfer:done',
];
/** Glauca's check_transfer answers "Domain not eligible for transfer" while the name is locked at DNSimple. */
const TO_GLAUCA_LOCKED = FULL_MOVE.map((step) => (step === 'price:done' ? 'price:skipped' : step));

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that can change something: Glauca's price checks are POSTs that change nothing. */
function mutations(requests: RecordedRequest[]): string[] {
  return requests
    .filter((r) => MUTATING.has(r.method) && r.operation !== 'getPrice')
    .map((r) => `${r.method} ${r.path} → ${r.status}`);
}
/** `/api/domains/7f3c…/` → `/api/domains/<id>` (ids are the emulator's). */
function withoutIds(line: string): string {
  return line.replace(/\/api\/domains\/[^/ ]+\/?/g, '/api/domains/<id>');
}
function stepLine(report: MoveReport): string[] {
  return report.steps.map((step) => `${step.name}:${step.status}`);
}

describe('moveDomain through the adapters, between emulators', () => {
  it('Glauca → DNSimple, DNS at DNSimple: records equal before the transfer, transfer completed, charged once', async () => {
    const pair = await startPair('glauca');
    const sourceRecords = await recordSet(pair.glaucaRegistrar, DOMAIN);
    expect(sourceRecords.length).toBeGreaterThan(0);

    const gaining = recordsBeforeTransfer(pair.dnsimpleRegistrar);
    const report = await moveDomain({ from: pair.glaucaRegistrar, to: gaining.registrar, domain: DOMAIN });
    expect(report.state, JSON.stringify(report.steps)).toBe('transfer_started');
    expect(stepLine(report)).toEqual(FULL_MOVE);
    expect(gaining.seen()).toEqual(sourceRecords);
    // The zone, then the records in one batch, then the transfer; at Glauca only the unlock.
    expect(mutations(pair.dnsimple.requests)).toEqual([
      'POST /v2/1010/domains → 201',
      `POST /v2/1010/zones/${DOMAIN}/batch → 200`,
      `POST /v2/1010/registrar/domains/${DOMAIN}/transfers → 201`,
    ]);
    expect(mutations(pair.glauca.requests).map(withoutIds)).toEqual(['PATCH /api/domains/<id> → 200']);
    expect(await recordSet(pair.dnsimpleRegistrar, DOMAIN)).toEqual(sourceRecords);

    const transfer = await waitForTransfer(pair.dnsimpleRegistrar, report.transfer!.id, WAIT);
    expect(transfer.status).toBe('completed');
    expect(pair.registry.transfers.map((t) => `${t.name} ${t.from}→${t.to}`)).toEqual([
      `${DOMAIN} glauca→dnsimple`,
    ]);
    expect(pair.dnsimple.ledger.map((e) => `${e.operation} ${e.domain} ${e.amount} ${e.currency}`)).toEqual([
      `transfer ${DOMAIN} 12.99 USD`,
    ]);
    expect(pair.glauca.ledger).toEqual([]);
  });

  it('DNSimple → Glauca, DNS at HexDNS: waits for the e-mailed code, resumes with it, completes, charged once', async () => {
    const pair = await startPair('dnsimple');
    const sourceRecords = await recordSet(pair.dnsimpleRegistrar, DOMAIN);
    const move = (authCode?: string) =>
      moveDomain({
        from: pair.dnsimpleRegistrar,
        to: pair.glaucaRegistrar,
        dnsTo: pair.glaucaRegistrar,
        domain: DOMAIN,
        ...(authCode ? { authCode } : {}),
      });

    const first = await move();
    expect(first.state, JSON.stringify(first.steps)).toBe('waiting_for_auth_code');
    expect(stepLine(first)).toEqual([...TO_GLAUCA_LOCKED.slice(0, 5), 'auth_code:waiting']);
    expect(first.steps[1]?.detail).toContain('Domain not eligible for transfer');
    expect(first.transfer).toBeNull();
    expect(await recordSet(pair.glaucaRegistrar, DOMAIN)).toEqual(sourceRecords);
    // The code went to the registrant's mailbox, never into an answer.
    const emailed = pair.dnsimple.state.emailedAuthCodes.get(DOMAIN);
    expect(emailed).toMatch(/\S/);
    expect(JSON.stringify(first)).not.toContain(emailed);
    expect(pair.glauca.ledger).toEqual([]);
    const afterFirst = { glauca: pair.glauca.requests.length, dnsimple: pair.dnsimple.requests.length };

    const second = await move(emailed);
    expect(second.state, JSON.stringify(second.steps)).toBe('transfer_started');
    // Unlocked now, so Glauca quotes the transfer.
    expect(stepLine(second)).toEqual(FULL_MOVE);
    // The re-run changed nothing at DNSimple and created nothing but the transfer at Glauca.
    expect(mutations(pair.dnsimple.requests.slice(afterFirst.dnsimple))).toEqual([]);
    expect(mutations(pair.glauca.requests.slice(afterFirst.glauca)).map(withoutIds)).toEqual([
      'POST /api/domain_transfer_orders/ → 201',
    ]);

    const transfer = await waitForTransfer(pair.glaucaRegistrar, second.transfer!.id, WAIT);
    expect(transfer.status).toBe('completed');
    expect(pair.registry.transfers.map((t) => `${t.name} ${t.from}→${t.to}`)).toEqual([
      `${DOMAIN} dnsimple→glauca`,
    ]);
    expect(pair.glauca.ledger.map((e) => `${e.operation} ${e.domain}`)).toEqual([`transfer ${DOMAIN}`]);
    expect(pair.dnsimple.ledger).toEqual([]);
  });

  it('a 500 on a HexDNS record create: failed with that ProviderError; the re-run creates only what is missing', async () => {
    const pair = await startPair('dnsimple');
    const sourceRecords = await recordSet(pair.dnsimpleRegistrar, DOMAIN);
    pair.glauca.setFaults([{ route: 'createRecord', sequence: [null, { type: 'status', status: 500 }] }]);
    const move = () => moveDomain({ from: pair.dnsimpleRegistrar, to: pair.glaucaRegistrar, domain: DOMAIN });

    const failed = await move();
    expect(failed.state).toBe('failed');
    const failedStep = failed.steps.at(-1)!;
    expect(`${failedStep.name}:${failedStep.status}`).toBe('records:failed');
    expect(failedStep.error).toBeInstanceOf(ProviderError);
    expect(failedStep.error).toMatchObject({ provider: 'glauca', status: 500 });
    expect(stepLine(failed)).toEqual([...TO_GLAUCA_LOCKED.slice(0, 3), 'records:failed']);

    const second = await move();
    expect(second.state, JSON.stringify(second.steps)).toBe('waiting_for_auth_code');
    const creates = pair.glauca.requests.filter((r) => r.operation === 'createRecord');
    const created = creates.filter((r) => r.status === 201).map((r) => JSON.stringify(r.body));
    // Every record created exactly once; the one refused with 500 was created by the re-run.
    expect(created.length).toBe(sourceRecords.length);
    expect(new Set(created).size).toBe(created.length);
    expect(creates.map((r) => r.status)).toEqual([201, 500, ...Array(sourceRecords.length - 1).fill(201)]);
    expect(pair.glauca.requests.filter((r) => r.operation === 'createZone').map((r) => r.status)).toEqual([
      201,
    ]);
    expect(await recordSet(pair.glaucaRegistrar, DOMAIN)).toEqual(sourceRecords);
  });

  it('a 500 on the transfer POST: failed with that ProviderError; the re-run repeats no step and charges once', async () => {
    const pair = await startPair('glauca');
    pair.dnsimple.setFaults([{ route: 'transferDomain', sequence: [{ type: 'status', status: 500 }] }]);
    const move = () => moveDomain({ from: pair.glaucaRegistrar, to: pair.dnsimpleRegistrar, domain: DOMAIN });

    const failed = await move();
    expect(failed.state).toBe('failed');
    expect(stepLine(failed)).toEqual([...FULL_MOVE.slice(0, 6), 'transfer:failed']);
    const failedStep = failed.steps.at(-1)!;
    expect(failedStep.error).toBeInstanceOf(ProviderError);
    expect(failedStep.error).toMatchObject({
      provider: 'dnsimple',
      operation: 'transferDomain',
      status: 500,
    });
    expect(pair.dnsimple.ledger).toEqual([]);

    const second = await move();
    expect(second.state, JSON.stringify(second.steps)).toBe('transfer_started');
    expect(mutations(pair.dnsimple.requests)).toEqual([
      'POST /v2/1010/domains → 201',
      `POST /v2/1010/zones/${DOMAIN}/batch → 200`,
      `POST /v2/1010/registrar/domains/${DOMAIN}/transfers → 500`,
      `POST /v2/1010/registrar/domains/${DOMAIN}/transfers → 201`,
    ]);
    expect(mutations(pair.glauca.requests).map(withoutIds)).toEqual([`PATCH /api/domains/<id> → 200`]);
    await waitForTransfer(pair.dnsimpleRegistrar, second.transfer!.id, WAIT);
    expect(pair.dnsimple.ledger.map((e) => `${e.operation} ${e.domain}`)).toEqual([`transfer ${DOMAIN}`]);

    // A third run finds the domain at DNSimple and starts nothing.
    const third = await move();
    expect(third.state).toBe('transfer_started');
    expect(mutations(pair.dnsimple.requests)).toHaveLength(4);
    expect(pair.dnsimple.ledger).toHaveLength(1);
  });

  it.each([
    ['glauca', 'dnsimple'],
    ['dnsimple', 'glauca'],
  ] as const)(
    'dry run %s → %s: the plan, and every request the emulators saw is a read',
    async (losing, gaining) => {
      const pair = await startPair(losing);
      const registrars = { glauca: pair.glaucaRegistrar, dnsimple: pair.dnsimpleRegistrar };
      const report = await moveDomain({
        from: registrars[losing],
        to: registrars[gaining],
        domain: DOMAIN,
        switchNameservers: true,
        dryRun: true,
      });
      expect(report.state, JSON.stringify(report.steps)).toBe('planned');
      expect(report.steps.map((s) => s.name)).toEqual([...MOVE_STEPS]);
      const seen = [...pair.glauca.requests, ...pair.dnsimple.requests];
      expect(seen.length).toBeGreaterThan(0);
      // Every request a GET, except Glauca's price check, which Glauca serves as a POST that changes nothing.
      const notGet = seen
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.path} ${r.operation}`);
      expect(notGet).toEqual(gaining === 'glauca' ? ['POST /api/domains/check_transfer/ getPrice'] : []);
      expect(pair.dnsimple.state.emailedAuthCodes.size).toBe(0);
      expect([...pair.glauca.ledger, ...pair.dnsimple.ledger]).toEqual([]);
    },
  );
});

describe('moveDomain with Cloudflare as the DNS host', () => {
  it('Glauca → DNSimple, DNS at Cloudflare: the zone created there, the records copied, the delegation switched to its nameservers, then the transfer', async () => {
    const pair = await startPair('glauca');
    const cf = await startCloudflareEmulator({ seed: { domains: 0 } });
    running.push(cf as AnyEmulator);
    const cloudflare = createCloudflare({
      baseURL: `${cf.url}${CLOUDFLARE_API_PREFIX}`,
      apiToken: cf.seedInfo.credentials.apiToken,
      accountId: cf.seedInfo.credentials.accountId,
      retry: FAST_RETRY,
      rateLimit: false,
      pollIntervalMs: 1,
    });
    const atGlauca = (await toArray(pair.glaucaRegistrar.listRecords(DOMAIN)))
      .filter((r) => !(r.type === 'NS' && r.name === '@'))
      .map((r) => `${r.type} ${r.name} ${r.content}`)
      .sort();
    expect(atGlauca.length).toBeGreaterThan(0);

    const report = await moveDomain({
      from: pair.glaucaRegistrar,
      to: pair.dnsimpleRegistrar,
      dnsTo: cloudflare,
      domain: DOMAIN,
      switchNameservers: true,
    });
    expect(report.state, JSON.stringify(report.steps)).toBe('transfer_started');
    const zone = await cloudflare.getZone(DOMAIN);
    const atCloudflare = (await toArray(cloudflare.listRecords(DOMAIN)))
      .filter((r) => !(r.type === 'NS' && r.name === '@'))
      .map((r) => `${r.type} ${r.name} ${r.content}`)
      .sort();
    expect(atCloudflare).toEqual(atGlauca);
    // The delegation points at Cloudflare's nameservers before the transfer.
    expect([...((await pair.glaucaRegistrar.getDomain(DOMAIN)).nameservers ?? [])].sort()).toEqual(
      [...(zone.nameservers ?? [])].sort(),
    );
    expect(pair.dnsimple.ledger).toHaveLength(1);
    await cloudflare.close();
  });
});
