import { NotFoundError, toArray, ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { CONTACT, hostRows, namecheapOnEmulator, operationOf, sent } from './test/namecheap-setup.js';

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('records over setHosts (read-modify-write)', () => {
  it('two writers on one zone at once lose no record (writes are serialised per zone)', async () => {
    const { emulator, connect } = await namecheapOnEmulator();
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const before = await toArray(connect().listRecords(zone));
    const [first, second] = [connect(), connect()];
    const names = Array.from({ length: 8 }, (_, i) => i);
    const created = await Promise.all([
      ...names.map((i) =>
        first.createRecord(zone, { type: 'A', name: `one-${i}`, content: `192.0.2.${i + 1}` }),
      ),
      ...names.map((i) =>
        second.createRecord(zone, { type: 'TXT', name: `two-${i}`, content: `writer two ${i}` }),
      ),
    ]);
    const after = await toArray(first.listRecords(zone));
    expect(after).toHaveLength(before.length + 16);
    for (const record of [...before, ...created]) expect(after.map((r) => r.id)).toContain(record.id);
    // Each write re-read the list right before it: 16 getHosts before 16 setHosts, interleaved one by one.
    const order = emulator.requests
      .map(operationOf)
      .filter((op) => op === 'listRecords' || op === 'setHosts');
    expect(order.filter((op) => op === 'setHosts')).toHaveLength(16);
  });

  it('sends back every row the read returned, verbatim, including the rows the model does not show', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const zone = emulator.seedInfo.availableName;
    await registrar.registerDomain({
      domain: zone,
      contacts: {
        registrant: CONTACT,
      },
    });
    // A new domain has the parking rows: `www CNAME parkingpage.namecheap.com.` and `@ URL http://www.<name>/`.
    const listed = await toArray(registrar.listRecords(zone));
    expect(listed.map((r) => [r.type, r.name, r.content])).toEqual([
      ['CNAME', 'www', 'parkingpage.namecheap.com'],
    ]);
    const from = emulator.requests.length;
    await registrar.createRecord(zone, { type: 'A', name: 'app', content: '192.0.2.80', ttl: 300 });
    const [body] = sent(emulator, 'setHosts', from);
    expect(hostRows(body!)).toEqual([
      { name: 'www', type: 'CNAME', address: 'parkingpage.namecheap.com.', mxpref: '10', ttl: '1800' },
      { name: '@', type: 'URL', address: `http://www.${zone}/`, mxpref: '10', ttl: '1800' },
      { name: 'app', type: 'A', address: '192.0.2.80', mxpref: '10', ttl: '300' },
    ]);
    expect(body!.EmailType).toBeUndefined(); // mail setting left alone
    const www = listed[0]!;
    await registrar.deleteRecord(zone, www.id);
    const [afterDelete] = sent(emulator, 'setHosts', from + 3);
    expect(hostRows(afterDelete!).map((r) => `${r.name} ${r.type}`)).toEqual(['@ URL', 'app A']);
  });

  it('createRecords is one setHosts for the whole batch, with per-record errors for invalid inputs', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const zone = emulator.seedInfo.ownedDomains[1]!;
    const from = emulator.requests.length;
    const result = await registrar.createRecords(zone, [
      { type: 'A', name: 'b1', content: '192.0.2.1' },
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.net', priority: 1 },
      { type: 'TXT', name: 'b2', content: 'two' },
      { type: 'NS', name: '@', content: 'ns1.example.net' },
    ]);
    expect(result.created.map((r) => r.name)).toEqual(['b1', 'b2']);
    expect(result.errors.map((e) => [e.input.type, (e.error as ValidationError).issues[0]?.path])).toEqual([
      ['SRV', 'type'],
      ['NS', 'name'],
    ]);
    expect(sent(emulator, 'setHosts', from)).toHaveLength(1);
  });

  it('MX rows switch the zone to EmailType=MX; removing the last MX sets EmailType=NONE', async () => {
    const { emulator, registrar } = await namecheapOnEmulator({ seed: { recordsPerDomain: 0 } });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    let from = emulator.requests.length;
    const mx = await registrar.createRecord(zone, {
      type: 'MX',
      name: '@',
      content: 'mx.example.net',
      priority: 5,
    });
    expect(mx).toMatchObject({ type: 'MX', content: 'mx.example.net', priority: 5 });
    const [add] = sent(emulator, 'setHosts', from);
    expect(add).toMatchObject({
      EmailType: 'MX',
      HostName1: '@',
      RecordType1: 'MX',
      Address1: 'mx.example.net.',
      MXPref1: '5',
    });
    from = emulator.requests.length;
    await registrar.deleteRecord(zone, mx.id);
    const [remove] = sent(emulator, 'setHosts', from);
    expect(remove).toMatchObject({ EmailType: 'NONE' });
    expect(hostRows(remove!)).toEqual([]);
    expect(await toArray(registrar.listRecords(zone))).toEqual([]);
  });

  it('an MX preference change alone is sent as a removal then an addition (Namecheap ignores it otherwise)', async () => {
    const { emulator, registrar } = await namecheapOnEmulator({ seed: { recordsPerDomain: 0 } });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const mx = await registrar.createRecord(zone, {
      type: 'MX',
      name: 'mail',
      content: 'mx1.example.net',
      priority: 10,
    });
    const from = emulator.requests.length;
    const updated = await registrar.updateRecord(zone, mx.id, { priority: 20 });
    expect(updated).toMatchObject({ name: 'mail', content: 'mx1.example.net', priority: 20 });
    const writes = sent(emulator, 'setHosts', from);
    expect(writes.map((body) => hostRows(body).map((r) => r.mxpref))).toEqual([[], ['20']]);
    expect((await toArray(registrar.listRecords(zone))).map((r) => r.priority)).toEqual([20]);
  });

  it('an id handed out before an update keeps naming the record (Namecheap gives the changed row a new HostId)', async () => {
    const { emulator, registrar } = await namecheapOnEmulator({ seed: { recordsPerDomain: 0 } });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const a = await registrar.createRecord(zone, { type: 'A', name: 'x', content: '192.0.2.1' });
    const updated = await registrar.updateRecord(zone, a.id, { content: '192.0.2.2' });
    expect(updated.id).not.toBe(a.id);
    await registrar.deleteRecord(zone, a.id);
    expect(await toArray(registrar.listRecords(zone))).toEqual([]);
    expect(await caught(registrar.deleteRecord(zone, a.id))).toBeInstanceOf(NotFoundError);
  });

  it('a row the API hides (an SRV made in the web UI) is lost by any write: the documented limit', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const state = emulator.state;
    state.addHiddenHost(zone, {
      name: '_sip._tcp',
      type: 'SRV',
      address: '10 5060 sip.example.net.',
      mxPref: 10,
      ttl: 1800,
      associatedAppTitle: '',
      friendlyName: '',
    });
    await registrar.createRecord(zone, { type: 'A', name: 'y', content: '192.0.2.9' });
    expect(state.domains.get(zone)!.hiddenHosts).toEqual([]);
  });

  it('refuses what Namecheap cannot hold before sending anything: SRV, apex NS, TTL out of 60–60000, more than 150 rows', async () => {
    const { emulator, registrar } = await namecheapOnEmulator({ seed: { recordsPerDomain: 0 } });
    const zone = emulator.seedInfo.ownedDomains[0]!;
    const from = emulator.requests.length;
    for (const input of [
      { type: 'SRV' as const, name: '_x._tcp', content: '1 1 x.example.net', priority: 1 },
      { type: 'NS' as const, name: '@', content: 'ns1.example.net' },
      { type: 'A' as const, name: 'a', content: '192.0.2.1', ttl: 30 },
    ])
      expect(await caught(registrar.createRecord(zone, input))).toBeInstanceOf(ValidationError);
    expect(sent(emulator, 'setHosts', from)).toHaveLength(0);
    const many = Array.from({ length: 151 }, (_, i) => ({
      type: 'A' as const,
      name: `h${i}`,
      content: '192.0.2.1',
    }));
    const result = await registrar.createRecords(zone, many);
    expect(result.errors).toHaveLength(151);
    expect(result.errors[0]!.error).toMatchObject({ code: 'too_many_records' });
    expect(sent(emulator, 'setHosts', from)).toHaveLength(0);
  });
});

describe('local refusals name the provider and the operation', () => {
  it('an invalid record is one ValidationError "namecheap createRecord: invalid record: …"', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const error = await caught(
      registrar.createRecord(emulator.seedInfo.ownedDomains[0]!, {
        type: 'A',
        name: '@',
        content: '999.1.1.1',
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'namecheap', operation: 'createRecord' });
    expect((error as Error).message).toMatch(/^namecheap createRecord: invalid record: content: /);
  });
});
