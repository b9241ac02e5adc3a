/**
 * Records and DS records against the Porkbun emulator: TTLs below the account minimum stored raised
 * (not refused), bulk creation through `/dns/import` with the zone listed before and after, NS
 * records through single creates, DS records set by diff, and every request the adapter sends in a
 * whole lifecycle checked against the OpenAPI excerpt.
 */
import {
  applyPlan,
  ConflictError,
  type DnsRecordInput,
  isEmptyPlan,
  planRecords,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { porkbunRecordRules } from './index.js';
import { type PorkbunFixture, specIssues, startPorkbun } from './test/porkbun-test-setup.js';

let fixture: PorkbunFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const paths = (f: PorkbunFixture, from: number) =>
  f.emulator.requests.slice(from).map((r) => r.path.replace('/api/json/v3', ''));

describe('records', () => {
  it('a TTL below the account minimum is not refused: the record reads back with the TTL Porkbun stored', async () => {
    fixture = await startPorkbun();
    const zone = fixture.emulator.seedInfo.ownedDomains[0]!;
    const record = await fixture.porkbun.createRecord(zone, {
      type: 'A',
      name: 'low',
      content: '192.0.2.5',
      ttl: 300,
    });
    expect(record).toMatchObject({ name: 'low', content: '192.0.2.5', ttl: 600 });
    expect(fixture.emulator.requests.at(-2)!.body).toMatchObject({ ttl: 300 });
  });

  it('updateRecord of an unknown id is a NotFoundError; a non-numeric id is refused before sending', async () => {
    fixture = await startPorkbun();
    const zone = fixture.emulator.seedInfo.ownedDomains[0]!;
    expect(
      await fixture.porkbun.updateRecord(zone, '999999', { content: '192.0.2.1' }).catch((e: unknown) => e),
    ).toMatchObject({
      name: 'NotFoundError',
    });
    const sent = fixture.emulator.requests.length;
    expect(await fixture.porkbun.deleteRecord(zone, '../1').catch((e: unknown) => e)).toBeInstanceOf(
      ValidationError,
    );
    expect(fixture.emulator.requests.length).toBe(sent);
  });

  it('createRecords: one /dns/import for the records it takes, NS through /dns/create, invalid ones refused locally', async () => {
    fixture = await startPorkbun();
    const zone = fixture.emulator.seedInfo.ownedDomains[1]!;
    const inputs: DnsRecordInput[] = [
      { type: 'A', name: 'bulk-a', content: '192.0.2.31', ttl: 600 },
      { type: 'TXT', name: 'bulk-txt', content: 'hello bulk' },
      { type: 'MX', name: 'bulk-mx', content: 'mx.example.net', priority: 5, ttl: 3600 },
      { type: 'NS', name: 'bulk-ns', content: 'ns1.example.net', ttl: 3600 },
      { type: 'CNAME', name: '@', content: 'nope.example.net' },
    ];
    const from = fixture.emulator.requests.length;
    const result = await fixture.porkbun.createRecords(zone, inputs);
    expect(paths(fixture, from).slice(0, 3)).toEqual([
      `/dns/retrieve/${zone}`,
      `/dns/import/${zone}`,
      `/dns/retrieve/${zone}`,
    ]);
    expect(paths(fixture, from).filter((p) => p.startsWith('/dns/import'))).toHaveLength(1);
    expect(paths(fixture, from)).toContain(`/dns/create/${zone}`);
    expect(result.created.map((r) => [r.type, r.name, r.content, r.ttl, r.priority])).toEqual([
      ['A', 'bulk-a', '192.0.2.31', 600, null],
      ['TXT', 'bulk-txt', 'hello bulk', 600, null],
      ['MX', 'bulk-mx', 'mx.example.net', 3600, 5],
      ['NS', 'bulk-ns', 'ns1.example.net', 3600, null],
    ]);
    expect(result.created.every((r) => /^\d+$/.test(r.id))).toBe(true);
    expect(result.errors.map((e) => [e.input, e.error.name, e.error.operation])).toEqual([
      [inputs[4], 'ValidationError', 'createRecords'],
    ]);
  });

  it('createRecords: a record identical to an existing one (skipped by the import) is reported, not counted as created', async () => {
    fixture = await startPorkbun();
    const zone = fixture.emulator.seedInfo.ownedDomains[0]!;
    await fixture.porkbun.createRecord(zone, { type: 'A', name: 'dup', content: '192.0.2.40', ttl: 600 });
    const result = await fixture.porkbun.createRecords(zone, [
      { type: 'A', name: 'dup', content: '192.0.2.40', ttl: 600 },
      { type: 'A', name: 'fresh', content: '192.0.2.41', ttl: 600 },
    ]);
    expect(result.created.map((r) => r.name)).toEqual(['fresh']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.error).toBeInstanceOf(ConflictError);
    expect(result.errors[0]!.error.code).toBe('DUPLICATE_RECORD');
  });

  it('a zone copied with TTL 300 settles: after applying the plan, planning again changes nothing', async () => {
    fixture = await startPorkbun();
    const { porkbun } = fixture;
    const zone = fixture.emulator.seedInfo.ownedDomains[2]!;
    const desired: DnsRecordInput[] = [
      { type: 'A', name: 'copied', content: '192.0.2.50', ttl: 300 },
      { type: 'TXT', name: 'copied', content: 'from elsewhere', ttl: 300 },
    ];
    const rules = porkbunRecordRules(zone);
    const first = planRecords(await toArray(porkbun.listRecords(zone)), desired, { rules });
    expect(first.creates).toHaveLength(2);
    await applyPlan(porkbun, zone, first);
    const again = planRecords(await toArray(porkbun.listRecords(zone)), desired, { rules });
    expect(isEmptyPlan(again)).toBe(true);
    // Without Porkbun's rules the stored 600 would look like a change to make again.
    expect(planRecords(await toArray(porkbun.listRecords(zone)), desired).updates).toHaveLength(2);
  });
});

describe('DS records', () => {
  const DS_A = { keyTag: 12345, algorithm: 13, digestType: 2, digest: 'AA'.repeat(32) };
  const DS_B = { keyTag: 23456, algorithm: 13, digestType: 2, digest: 'BB'.repeat(32) };
  const DS_C = { keyTag: 34567, algorithm: 8, digestType: 2, digest: 'CC'.repeat(32) };

  it('setDsRecords applies the difference: deletes by key tag what is not wanted, creates what is missing', async () => {
    fixture = await startPorkbun();
    const zone = fixture.emulator.seedInfo.ownedDomains[0]!;
    expect(await fixture.porkbun.setDsRecords(zone, [DS_A, DS_B])).toEqual([DS_A, DS_B]);
    const from = fixture.emulator.requests.length;
    const result = await fixture.porkbun.setDsRecords(zone, [DS_B, DS_C]);
    expect(result.sort((a, b) => a.keyTag - b.keyTag)).toEqual([DS_B, DS_C]);
    expect(paths(fixture, from)).toEqual([
      `/dns/getDnssecRecords/${zone}`,
      `/dns/deleteDnssecRecord/${zone}/12345`,
      `/dns/createDnssecRecord/${zone}`,
      `/dns/getDnssecRecords/${zone}`,
    ]);
    expect(fixture.emulator.requests.at(-2)!.body).toMatchObject({
      keyTag: '34567',
      alg: '8',
      digestType: '2',
      digest: DS_C.digest,
    });
    expect(await fixture.porkbun.setDsRecords(zone, [])).toEqual([]);
  });
});

describe('the OpenAPI excerpt', () => {
  it('every request of a whole lifecycle validates (contacts are left out of the excerpt)', async () => {
    fixture = await startPorkbun();
    const { porkbun, emulator } = fixture;
    const zone = emulator.seedInfo.ownedDomains[0]!;
    await toArray(porkbun.listDomains());
    await porkbun.getDomain(zone);
    await porkbun.updateDomain(zone, {
      autoRenew: true,
      nameservers: ['ns1.example.net', 'ns2.example.net'],
    });
    await porkbun.checkAvailability('available-name.com');
    await porkbun.getPrice('available-name.com', { operation: 'transfer' });
    await porkbun.listTldPrices();
    await porkbun.getTldRequirements('.com');
    await porkbun.getZone(zone);
    await porkbun.registerDomain({ domain: 'available-name.com', whoisPrivacy: false });
    await porkbun.renewDomain(zone, { years: 1 });
    await porkbun.transferDomain({ domain: 'registered-name.com', authCode: 'abc123' });
    await porkbun.getTransfer('registered-name.com');
    const record = await porkbun.createRecord(zone, {
      type: 'A',
      name: 'spec',
      content: '192.0.2.8',
      ttl: 600,
    });
    await porkbun.updateRecord(zone, record.id, { ttl: 1200 });
    await toArray(porkbun.listRecords(zone));
    await porkbun.createRecords(zone, [
      { type: 'TXT', name: 'spec-1', content: 'one' },
      { type: 'TXT', name: 'spec-2', content: 'two' },
    ]);
    await porkbun.deleteRecord(zone, record.id);
    await porkbun.setDsRecords(zone, [{ keyTag: 1, algorithm: 13, digestType: 2, digest: 'AB'.repeat(32) }]);
    await porkbun.getDsRecords(zone);
    const contactRequests = emulator.requests.filter((r) =>
      /\/domain\/(get|update)Contacts\//.test(r.path),
    ).length;
    expect(contactRequests).toBe(0);
    expect(emulator.requests.length).toBeGreaterThan(25);
    expect(specIssues(emulator)).toEqual([]);
  });
});
