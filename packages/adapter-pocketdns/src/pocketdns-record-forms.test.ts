/**
 * Record content in the forms PocketDNS's docs show (issue 16 correction), proven against the
 * emulator in `recordForms: 'seed'` mode, which takes only those forms and keeps content exactly
 * as sent: SRV as four-part content with no priority field, TXT as one plain string.
 */
import { type DnsRecordInput, DnsRecordSchema, toArray, ValidationError } from '@registrar-kit/core';
import type { PocketDnsState, RunningEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PocketDnsRegistrar } from './index.js';
import { caught, startWithEmulator } from './test/pocketdns-test-setup.js';

let emulator: RunningEmulator<PocketDnsState>;
let registrar: PocketDnsRegistrar;
let zone: string;

beforeAll(async () => {
  ({ emulator, pocketdns: registrar } = await startWithEmulator({
    recordForms: 'seed',
    seed: { domains: 2, recordsPerDomain: 0 },
  }));
  zone = emulator.seedInfo.ownedDomains[0]!;
});
afterAll(async () => {
  await registrar?.close();
  await emulator?.close();
});

/** The bodies of the record writes sent since `from`. */
const recordWrites = (from: number) =>
  emulator.requests
    .slice(from)
    .filter((request) => request.method !== 'GET' && request.path.includes('/dns'))
    .map((request) => request.body);

/** What the emulator stores for a record id. */
const stored = (id: string) =>
  [...emulator.state.domains.values()].flatMap((domain) => domain.records).find((record) => record.id === id);

describe('record forms the docs show (emulator recordForms: seed)', () => {
  it('SRV goes out as four-part content alone, and reads back as the model form', async () => {
    const sent = emulator.requests.length;
    const record = await registrar.createRecord(zone, {
      type: 'SRV',
      name: '_sip._tcp',
      content: '60 5060 Sip.Example.NET.',
      priority: 10,
      ttl: 300,
    });
    expect(recordWrites(sent)).toEqual([
      { type: 'SRV', name: '_sip._tcp', content: '10 60 5060 sip.example.net', ttl: 300 },
    ]);
    expect(record).toMatchObject({ type: 'SRV', content: '60 5060 sip.example.net', priority: 10, ttl: 300 });
    expect(stored(record.id)).toMatchObject({ content: '10 60 5060 sip.example.net', priority: 10 });

    const moved = emulator.requests.length;
    const updated = await registrar.updateRecord(zone, record.id, { priority: 20 });
    expect(recordWrites(moved)).toEqual([{ content: '20 60 5060 sip.example.net' }]);
    expect(updated).toMatchObject({ content: '60 5060 sip.example.net', priority: 20 });
    const listed = (await toArray(registrar.listRecords(zone))).find((r) => r.id === record.id);
    expect(listed).toMatchObject({ content: '60 5060 sip.example.net', priority: 20 });
  });

  it.each([
    ['a plain value', 'v=spf1 include:_spf.example.net ~all'],
    ['a value that starts with a quote', '"quoted by user" plain'],
    ['a value wholly in quotes', '"hello"'],
    ['255 characters', 'a'.repeat(255)],
  ])('TXT %s goes out as it is and comes back intact', async (_, content) => {
    const sent = emulator.requests.length;
    const record = await registrar.createRecord(zone, { type: 'TXT', name: 'txt', content, ttl: 300 });
    expect(recordWrites(sent)).toEqual([{ type: 'TXT', name: 'txt', content, ttl: 300 }]);
    expect(stored(record.id)?.content).toBe(content);
    expect(record.content).toBe(content);
    const listed = (await toArray(registrar.listRecords(zone))).find((r) => r.id === record.id);
    expect(listed?.content).toBe(content);
    await registrar.deleteRecord(zone, record.id);
  });

  it('an empty TXT value is refused before sending (PocketDNS requires content)', async () => {
    const sent = emulator.requests.length;
    expect(
      await caught(() => registrar.createRecord(zone, { type: 'TXT', name: 'empty', content: '' })),
    ).toMatchObject({ name: 'ValidationError', issues: [{ path: 'content' }] });
    expect(emulator.requests.length).toBe(sent);
  });

  it('a TXT value over 255 characters is refused before sending, naming the limit', async () => {
    const sent = emulator.requests.length;
    const error = await caught(() =>
      registrar.createRecord(zone, { type: 'TXT', name: 'long', content: 'b'.repeat(256) }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      provider: 'pocketdns',
      operation: 'createRecord',
      issues: [{ path: 'content', message: expect.stringContaining('at most 255 characters') }],
    });
    expect(emulator.requests.length).toBe(sent);
  });

  it('bulk: SRV and TXT in the same forms, each created record paired with its input', async () => {
    const inputs: DnsRecordInput[] = [
      { type: 'SRV', name: '_xmpp._tcp', content: '5 5222 xmpp.example.net', priority: 1, ttl: 600 },
      { type: 'TXT', name: 'bulk', content: '"kept" as typed', ttl: 600 },
    ];
    const sent = emulator.requests.length;
    const result = await registrar.createRecords(zone, inputs);
    expect(recordWrites(sent)).toEqual([
      {
        records: [
          { type: 'SRV', name: '_xmpp._tcp', content: '1 5 5222 xmpp.example.net', ttl: 600 },
          { type: 'TXT', name: 'bulk', content: '"kept" as typed', ttl: 600 },
        ],
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.created).toMatchObject([
      { type: 'SRV', content: '5 5222 xmpp.example.net', priority: 1, ttl: 600 },
      { type: 'TXT', content: '"kept" as typed', ttl: 600 },
    ]);
  });

  // The conformance suite's record cases but the TXT values over 255 characters (skipped there).
  const CASES: { input: DnsRecordInput; content?: string }[] = [
    { input: { type: 'A', name: '@', content: '192.0.2.10', ttl: 3600 } },
    {
      input: { type: 'AAAA', name: 'v6', content: '2001:DB8:0:0:0:0:0:10', ttl: 3600 },
      content: '2001:db8::10',
    },
    {
      input: { type: 'CNAME', name: 'alias', content: 'Target.Example.NET.', ttl: 3600 },
      content: 'target.example.net',
    },
    { input: { type: 'MX', name: 'mail', content: 'mx.example.net', priority: 20, ttl: 3600 } },
    { input: { type: 'TXT', name: 'txt255', content: 'a'.repeat(255), ttl: 3600 } },
    {
      input: { type: 'SRV', name: '_sip._udp', content: '5 5060 sip.example.net', priority: 10, ttl: 3600 },
    },
    { input: { type: 'NS', name: 'sub', content: 'ns1.example.net', ttl: 3600 } },
  ];

  it('creates, lists, updates and deletes a record of every PocketDNS type, in canonical form', async () => {
    const target = emulator.seedInfo.ownedDomains[1]!;
    const created = [];
    for (const { input, content } of CASES) {
      const record = await registrar.createRecord(target, input);
      expect(DnsRecordSchema.parse(record)).toBeTruthy();
      expect(record).toMatchObject({
        provider: 'pocketdns',
        domain: target,
        type: input.type,
        name: input.name,
        content: content ?? input.content,
        priority: input.priority ?? null,
      });
      created.push(record);
    }
    const listed = await toArray(registrar.listRecords(target));
    for (const record of created)
      expect(listed.find((r) => r.id === record.id)).toMatchObject({
        type: record.type,
        name: record.name,
        content: record.content,
        priority: record.priority,
      });
    const a = created[0]!;
    expect(await registrar.updateRecord(target, a.id, { content: '192.0.2.99', ttl: 7200 })).toMatchObject({
      content: '192.0.2.99',
      ttl: 7200,
    });
    for (const record of created) await registrar.deleteRecord(target, record.id);
    const after = await toArray(registrar.listRecords(target));
    for (const record of created) expect(after.find((r) => r.id === record.id)).toBeUndefined();
  });
});
