/**
 * Declarative DNS against the emulators, through the same registrars the CLI builds: export →
 * parse → plan is empty on every provider with records; a plan with creates, updates and deletes
 * applies and a second plan is empty; purge on and off; the safety threshold; a change that fails
 * mid-apply is reported while the others are kept (proven by a listing); `dns copy`'s copyZone
 * between providers whose zones differ.
 */
import {
  applyPlan,
  type DnsRecord,
  type DnsRecordInput,
  isEmptyPlan,
  type KnownProviderId,
  parseZoneFile,
  planRecords,
  printZoneFile,
  type Registrar,
  toArray,
  UnsafePlanError,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import {
  type RunningEmulator,
  type SeedOptions,
  startDnsimpleEmulator,
  startDomainrEmulator,
  startGlaucaEmulator,
  startPocketDnsEmulator,
} from '@registrar-kit/testkit/emulators';
import { afterEach, describe, expect, it } from 'vitest';
import { APEX_NS_REASON, copyZone } from './cli/copy-zone.js';
import { emulatedRegistrar } from './cli/emulate.js';
import { desiredRecords, portableRecord } from './cli/zone-input.js';

type AnyEmulator = RunningEmulator<unknown>;
type RecordsProvider = Exclude<KnownProviderId, 'domainr'>;

const ZONE = 'test-domain-1.com';
const WITH_RECORDS: RecordsProvider[] = ['pocketdns', 'dnsimple', 'glauca'];

const START: Partial<Record<KnownProviderId, (options: { seed?: SeedOptions }) => Promise<AnyEmulator>>> = {
  pocketdns: (options) => startPocketDnsEmulator(options) as Promise<AnyEmulator>,
  dnsimple: (options) => startDnsimpleEmulator(options) as Promise<AnyEmulator>,
  glauca: (options) => startGlaucaEmulator(options) as Promise<AnyEmulator>,
  domainr: (options) => startDomainrEmulator(options) as Promise<AnyEmulator>,
};

const running: AnyEmulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function emulated(id: KnownProviderId, seed: SeedOptions = {}) {
  const emulator = await START[id]!({ seed: { domains: 2, ...seed } });
  running.push(emulator);
  return { emulator, registrar: emulatedRegistrar(id, emulator) };
}

const list = (registrar: Registrar, zone = ZONE) => toArray(registrar.listRecords(zone));

/** Every record type the provider holds, with long and quoted TXT, SRV, non-default TTLs. */
function richRecords(id: RecordsProvider): DnsRecordInput[] {
  const records: DnsRecordInput[] = [
    { type: 'AAAA', name: 'v6', content: '2001:DB8:0:0::2', ttl: 300 },
    { type: 'A', name: 'Mixed.Case', content: '192.0.2.44' },
    // The seeded MX has TTL 3600: a record set has one TTL in a zone file (RFC 2181 §5.2), and
    // BIND, like parseZoneFile, gives the set its first record's TTL.
    { type: 'MX', name: '@', content: 'backup.example.net.', priority: 20, ttl: 3600 },
    { type: 'SRV', name: '_sip._tcp', content: `5 5060 sip.${ZONE}`, priority: 10, ttl: 600 },
    { type: 'TXT', name: '@', content: 'v=spf1 include:_spf.example.net ~all' },
    { type: 'NS', name: 'delegated', content: 'ns1.example.net' },
    { type: 'CNAME', name: 'blog', content: 'hosting.example.net' },
  ];
  // PocketDNS has no CAA or ALIAS records (its adapter refuses them), and takes a TXT value only as
  // one string of at most 255 characters (docs/providers/pocketdns.md#record-content).
  if (id !== 'pocketdns')
    records.push(
      { type: 'TXT', name: 'long', content: `${'k'.repeat(300)} "quoted" \\ and; semicolon` },
      { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"' },
      { type: 'ALIAS', name: 'edge', content: 'lb.example.net' },
    );
  return records;
}

describe.each(WITH_RECORDS)('declarative DNS on the %s emulator', (id) => {
  it('export (list + printZoneFile) → parseZoneFile → planRecords against the same provider is empty', async () => {
    const { registrar } = await emulated(id);
    const created = await registrar.createRecords(ZONE, richRecords(id));
    expect(created.errors).toEqual([]);

    const current = await list(registrar);
    expect(current.length).toBe(3 + richRecords(id).length);
    const zoneFile = printZoneFile(current, { origin: ZONE });
    const parsed = parseZoneFile(zoneFile);
    expect(parsed.origin).toBe(ZONE);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records).toHaveLength(current.length);
    for (const purge of [false, true]) {
      const plan = planRecords(await list(registrar), parsed.records, { zone: ZONE, purge });
      expect(plan, `purge: ${purge}`).toMatchObject({ creates: [], updates: [], deletes: [] });
    }

    // The JSON export (`dns export --format json`) reads back to the same records too.
    const json = JSON.stringify({ domain: ZONE, records: current.map(portableRecord) });
    const fromJson = desiredRecords({ file: 'zone.json', text: json, format: 'json' }, ZONE);
    expect(isEmptyPlan(planRecords(current, fromJson.records, { zone: ZONE, purge: true }))).toBe(true);
    // So does the file through the CLI's reader.
    const fromBind = desiredRecords({ file: 'zone.txt', text: zoneFile, format: 'bind' }, ZONE);
    expect(fromBind.records).toEqual(parsed.records);
  });

  it('applies creates, updates and deletes (bulk creates where the provider has them); a second plan is empty', async () => {
    const { registrar, emulator } = await emulated(id);
    const zoneFile = `$ORIGIN ${ZONE}.
$TTL 3600
@        A     192.0.2.99           ; update: content
www  300 CNAME ${ZONE}.             ; update: TTL only
@        TXT   "v=spf1 " "-all"     ; create
api      AAAA  2001:db8::7          ; create
_xmpp._tcp SRV 10 0 5269 xmpp.${ZONE}. ; create
`;
    // The seeded MX @ is not named: purge deletes it.
    const { records: desired } = parseZoneFile(zoneFile);
    const plan = planRecords(await list(registrar), desired, { zone: ZONE, purge: true });
    expect(plan.creates.map((c) => c.type)).toEqual(['TXT', 'AAAA', 'SRV']);
    expect(plan.updates.map((u) => [u.record.type, u.patch])).toEqual([
      ['A', { content: '192.0.2.99' }],
      ['CNAME', { ttl: 300 }],
    ]);
    expect(plan.deletes.map((r) => r.type)).toEqual(['MX']);

    emulator.requests.length = 0;
    const report = await applyPlan(registrar, ZONE, plan);
    expect(report.failures).toEqual([]);
    expect(report.created.map((r) => r.type).sort()).toEqual(['AAAA', 'SRV', 'TXT']);
    expect(report.updated.map((r) => [r.type, r.content, r.ttl]).sort()).toEqual([
      ['A', '192.0.2.99', 3600],
      ['CNAME', ZONE, 300],
    ]);
    expect(report.deleted.map((r) => r.type)).toEqual(['MX']);
    const operations = emulator.requests.map((request) => request.operation);
    if (id === 'glauca') expect(operations.filter((op) => op === 'createRecord')).toHaveLength(3);
    else {
      // PocketDNS's bulk endpoint and DNSimple's batch endpoint: one request for the three creates.
      expect(operations.filter((op) => op === 'createRecords')).toHaveLength(1);
      expect(operations).not.toContain('createRecord');
    }

    const after = await list(registrar);
    expect(isEmptyPlan(planRecords(after, desired, { zone: ZONE, purge: true }))).toBe(true);
    expect(after.find((r) => r.type === 'TXT')?.content).toBe('v=spf1 -all');
  });

  it('purge off leaves the sets the desired records do not name; purge on deletes them', async () => {
    const { registrar } = await emulated(id);
    const desired: DnsRecordInput[] = [{ type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 }];

    const incremental = planRecords(await list(registrar), desired, { zone: ZONE });
    expect(isEmptyPlan(incremental)).toBe(true);
    await applyPlan(registrar, ZONE, incremental);
    expect((await list(registrar)).map((r) => r.type).sort()).toEqual(['A', 'CNAME', 'MX']);

    const purging = planRecords(await list(registrar), desired, { zone: ZONE, purge: true });
    expect(purging.deletes.map((r) => r.type).sort()).toEqual(['CNAME', 'MX']);
    const report = await applyPlan(registrar, ZONE, purging);
    expect(report.deleted).toHaveLength(2);
    const left = await list(registrar);
    expect(left.map((r) => [r.name, r.type, r.content])).toEqual([['@', 'A', '192.0.2.1']]);
    expect(isEmptyPlan(planRecords(left, desired, { zone: ZONE, purge: true }))).toBe(true);
  });

  it('refuses a plan deleting more than 30% of a zone of 10 or more records, changing nothing; force applies it', async () => {
    const { registrar, emulator } = await emulated(id, { recordsPerDomain: 12 });
    const current = await list(registrar);
    expect(current).toHaveLength(12);
    // Keep 8 of the 12 (4 deletes = 33%).
    const keep = current.slice(0, 8).map(portableRecord);
    const plan = planRecords(current, keep, { zone: ZONE, purge: true });
    expect(plan.deletes).toHaveLength(4);

    emulator.requests.length = 0;
    const refused = await applyPlan(registrar, ZONE, plan).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnsafePlanError);
    expect(refused).toMatchObject({ deletes: 4, zoneSize: 12, maxDeletesRatio: 0.3, provider: id });
    expect(emulator.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(await list(registrar)).toHaveLength(12);

    const report = await applyPlan(registrar, ZONE, plan, { force: true });
    expect(report.deleted).toHaveLength(4);
    expect(report.failures).toEqual([]);
    const left = await list(registrar);
    expect(left).toHaveLength(8);
    expect(isEmptyPlan(planRecords(left, keep, { zone: ZONE, purge: true }))).toBe(true);
  });

  it('a change failing mid-apply (emulator 422 on one update and one delete) is reported; the others are kept', async () => {
    const { registrar, emulator } = await emulated(id, { recordsPerDomain: 8 });
    const current = await list(registrar);
    // Seeded: A @, CNAME www, MX @, TXT @, AAAA @, A host-6, A host-7, A host-8.
    const desired: DnsRecordInput[] = current
      .filter((r) => r.name !== 'host-7' && r.name !== 'host-8')
      .map((r) => {
        const input = portableRecord(r);
        if (r.name === '@' && r.type === 'A') return { ...input, content: '192.0.2.77' };
        if (r.name === 'host-6') return { ...input, content: '192.0.2.66' };
        return input;
      });
    desired.push(
      { type: 'A', name: 'new-1', content: '192.0.2.101', ttl: 3600 },
      { type: 'A', name: 'new-2', content: '192.0.2.102', ttl: 3600 },
    );
    const plan = planRecords(current, desired, { zone: ZONE, purge: true });
    expect([plan.creates.length, plan.updates.length, plan.deletes.length]).toEqual([2, 2, 2]);

    emulator.setFaults([
      { route: 'updateRecord', sequence: [{ type: 'error', status: 422, message: 'rejected by the test' }] },
      { route: 'deleteRecord', sequence: [{ type: 'error', status: 422, message: 'rejected by the test' }] },
    ]);
    const report = await applyPlan(registrar, ZONE, plan, { concurrency: 1 });
    emulator.setFaults([]);

    expect(report.created.map((r) => r.name).sort()).toEqual(['new-1', 'new-2']);
    expect(report.updated).toHaveLength(1);
    expect(report.deleted).toHaveLength(1);
    expect(report.failures.map((f) => [f.change, f.error.name, f.error.status])).toEqual([
      ['update', 'ValidationError', 422],
      ['delete', 'ValidationError', 422],
    ]);
    expect(report.failures[0]?.error).toBeInstanceOf(ValidationError);
    const failedUpdate = report.failures[0]!.record!;
    const failedDelete = report.failures[1]!.record!;

    // The listing proves the other changes were kept: re-planning shows exactly the two that failed.
    const after = await list(registrar);
    expect(after.map((r) => r.name)).toEqual(expect.arrayContaining(['new-1', 'new-2']));
    const rest = planRecords(after, desired, { zone: ZONE, purge: true });
    expect(rest.creates).toEqual([]);
    expect(rest.updates.map((u) => u.record.id)).toEqual([failedUpdate.id]);
    expect(rest.deletes.map((r) => r.id)).toEqual([failedDelete.id]);

    const retried = await applyPlan(registrar, ZONE, rest);
    expect(retried.failures).toEqual([]);
    expect(isEmptyPlan(planRecords(await list(registrar), desired, { zone: ZONE, purge: true }))).toBe(true);
  });
});

describe('domainr (no DNS records)', () => {
  it('listing records rejects with UnsupportedOperationError, so nothing can be exported, planned or copied', async () => {
    const { registrar } = await emulated('domainr');
    const { registrar: target } = await emulated('dnsimple');
    expect(registrar.supports('listRecords')).toBe(false);
    await expect(list(registrar)).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(copyZone(registrar, target, ZONE)).rejects.toBeInstanceOf(UnsupportedOperationError);
    const report = await applyPlan(
      registrar,
      ZONE,
      planRecords([], [{ type: 'A', name: '@', content: '192.0.2.1' }]),
    );
    expect(report.failures.map((f) => f.error.name)).toEqual(['UnsupportedOperationError']);
  });
});

describe('copyZone (dns copy) between providers whose zones differ', () => {
  const byKey = (records: readonly DnsRecord[]) =>
    records.map((r) => `${r.name} ${r.type} ${r.priority ?? ''} ${r.content} ${r.ttl}`).sort();

  it.each<[RecordsProvider, RecordsProvider]>([
    ['dnsimple', 'glauca'],
    ['glauca', 'pocketdns'],
    ['pocketdns', 'dnsimple'],
  ])(
    '%s → %s: dry run changes nothing, the copy makes the target hold the source records',
    async (from, to) => {
      const { registrar: source } = await emulated(from, { recordsPerDomain: 6 });
      const { registrar: target } = await emulated(to);
      await target.createRecord(ZONE, {
        type: 'A',
        name: 'only-at-target',
        content: '192.0.2.200',
        ttl: 300,
      });
      const www = (await list(target)).find((r) => r.name === 'www')!;
      await target.updateRecord(ZONE, www.id, { ttl: 600 });

      const before = await list(target);
      const dry = await copyZone(source, target, ZONE, { dryRun: true });
      expect(dry.report).toBeNull();
      // Source: A @, CNAME www, MX @, TXT @, AAAA @, A host-6. Target lacks TXT, AAAA, host-6; www TTL differs.
      expect(dry.summary).toEqual({ creates: 3, updates: 1, deletes: 0, total: 4 });
      expect(dry.copied).toMatchObject({ records: 6, unchanged: 2, created: 0 });
      expect(byKey(await list(target))).toEqual(byKey(before));

      const copy = await copyZone(source, target, ZONE);
      expect(copy.report?.failures).toEqual([]);
      expect(copy.copied).toEqual({
        records: 6,
        created: 3,
        updated: 1,
        deleted: 0,
        unchanged: 2,
        failed: 0,
      });
      const sourceKeys = byKey(await list(source));
      // Incremental: the target's own record stays.
      expect(byKey(await list(target))).toEqual([...sourceKeys, 'only-at-target A  192.0.2.200 300'].sort());
      expect((await copyZone(source, target, ZONE, { dryRun: true })).summary.total).toBe(0);

      const purged = await copyZone(source, target, ZONE, { purge: true });
      expect(purged.copied).toMatchObject({ deleted: 1, failed: 0, unchanged: 6 });
      expect(byKey(await list(target))).toEqual(sourceKeys);
    },
  );

  it('skips the apex NS records (each provider has its own) and never purges them at the target', async () => {
    const { registrar: source } = await emulated('dnsimple');
    const { registrar: target } = await emulated('glauca');
    await source.createRecord(ZONE, { type: 'NS', name: '@', content: 'ns1.dnsimple.example' });
    await source.createRecord(ZONE, { type: 'NS', name: 'sub', content: 'ns1.delegate.example' });
    await target.createRecord(ZONE, { type: 'NS', name: '@', content: 'ns1.glauca.example' });

    const copy = await copyZone(source, target, ZONE, { purge: true });
    expect(copy.skipped).toEqual([
      {
        record: expect.objectContaining({ type: 'NS', name: '@', content: 'ns1.dnsimple.example' }),
        reason: APEX_NS_REASON,
      },
    ]);
    expect(copy.report?.failures).toEqual([]);
    const ns = (await list(target)).filter((r) => r.type === 'NS').map((r) => `${r.name} ${r.content}`);
    expect(ns.sort()).toEqual(['@ ns1.glauca.example', 'sub ns1.delegate.example']);
  });

  it('a record the target cannot hold (CAA at PocketDNS) is a reported failure; the rest is copied', async () => {
    const { registrar: source } = await emulated('dnsimple');
    const { registrar: target } = await emulated('pocketdns');
    await source.createRecords(ZONE, [
      { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"' },
      { type: 'TXT', name: '@', content: 'copied' },
    ]);
    const copy = await copyZone(source, target, ZONE);
    expect(copy.copied).toMatchObject({ created: 1, failed: 1 });
    expect(copy.report?.failures.map((f) => [f.change, f.input?.type, f.error.name])).toEqual([
      ['create', 'CAA', 'ValidationError'],
    ]);
    expect((await list(target)).some((r) => r.type === 'TXT' && r.content === 'copied')).toBe(true);
  });
});
