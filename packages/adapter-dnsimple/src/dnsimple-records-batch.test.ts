/**
 * `createRecords` through DNSimple's batch endpoint, against the emulator: its operation limit is
 * unpublished and a batch above it is refused as a whole (a 400 with no per-item errors), which
 * must not cost the caller the per-record results (issue 16 correction;
 * docs/providers/dnsimple.md#batch).
 */
import type { DnsRecordInput } from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requestsTo, startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

const records = (n: number, prefix = 'h'): DnsRecordInput[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'A',
    name: `${prefix}${i}`,
    content: '192.0.2.10',
    ttl: 3600,
  }));

const batchSizes = (emulator: Parameters<typeof requestsTo>[0]) =>
  requestsTo(emulator, 'POST', /\/batch$/).map((r) => (r.body as { creates: unknown[] }).creates.length);

describe('createRecords and the batch limit', () => {
  it('150 records go out in chunks of 100 (batchSize), all created in input order', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const result = await dnsimple.createRecords(zone, records(150));
    expect(result.errors).toEqual([]);
    expect(result.created.map((r) => r.name)).toEqual(records(150).map((r) => r.name));
    expect(batchSizes(emulator)).toEqual([100, 50]);
  });

  it('a batch refused as a whole (limit 30, unpublished) is halved until it passes: nothing lost', async () => {
    const { emulator, dnsimple } = await startDnsimple({ batchOperationLimit: 30 });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const result = await dnsimple.createRecords(zone, records(120));
    expect(result.errors).toEqual([]);
    expect(result.created.map((r) => r.name)).toEqual(records(120).map((r) => r.name));
    expect(batchSizes(emulator)).toEqual([100, 50, 25, 25, 25, 25, 20]);
    const listed = emulator.state.zoneRecords(zone).filter((r) => /^h\d+$/.test(r.name));
    expect(listed).toHaveLength(120);
  });

  it('an item the batch refuses is reported with its own error; the others are created', async () => {
    const { emulator, dnsimple } = await startDnsimple({ batchOperationLimit: 30 });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const inputs = records(40);
    // A CNAME beside an A of the same name: DNSimple refuses that item.
    inputs[35] = { type: 'CNAME', name: 'h3', content: 'target.example.net', ttl: 3600 };
    const result = await dnsimple.createRecords(zone, inputs);
    expect(result.created).toHaveLength(39);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.input).toBe(inputs[35]);
    expect(result.errors[0]!.error).toMatchObject({
      name: 'ValidationError',
      status: 400,
      operation: 'createRecords',
    });
  });

  it('a single record refused as a whole is that record’s error, the rest are created', async () => {
    const { emulator, dnsimple } = await startDnsimple({ batchOperationLimit: 0 });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const result = await dnsimple.createRecords(zone, records(2));
    expect(result.created).toEqual([]);
    expect(result.errors.map((e) => [e.input.name, e.error.name, e.error.status])).toEqual([
      ['h0', 'ValidationError', 400],
      ['h1', 'ValidationError', 400],
    ]);
  });

  it('without the batch feature (412) every record is created on its own', async () => {
    const { emulator, dnsimple } = await startDnsimple({ batchChanges: false });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const result = await dnsimple.createRecords(zone, records(6));
    expect(result.created.map((r) => r.name)).toEqual(records(6).map((r) => r.name));
    expect(requestsTo(emulator, 'POST', new RegExp(`/zones/${zone}/records$`))).toHaveLength(6);
  });
});
