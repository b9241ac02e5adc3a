import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import type { NamecheapState } from './namecheap-state.js';
import { contactParams, emulatorStarter, nc, registerCoUk } from './namecheap-test-client.js';

const start = emulatorStarter({ rateLimits: false });

const ZONE = { SLD: 'test-domain-1', TLD: 'com' };

interface Row {
  name: string;
  type: string;
  address: string;
  mxPref?: number;
  ttl?: number;
}

function rowsParams(rows: Row[], extra: Record<string, string> = {}): Record<string, string> {
  const params: Record<string, string> = { ...ZONE, ...extra };
  rows.forEach((row, i) => {
    const n = i + 1;
    params[`HostName${n}`] = row.name;
    params[`RecordType${n}`] = row.type;
    params[`Address${n}`] = row.address;
    if (row.mxPref !== undefined) params[`MXPref${n}`] = String(row.mxPref);
    if (row.ttl !== undefined) params[`TTL${n}`] = String(row.ttl);
  });
  return params;
}

async function getHosts(emulator: RunningEmulator<NamecheapState>, zone = ZONE) {
  const res = await nc(emulator, 'namecheap.domains.dns.getHosts', zone);
  expect(res.ok, JSON.stringify(res.errors)).toBe(true);
  const result = res.command.DomainDNSGetHostsResult;
  return {
    emailType: result['@_EmailType'] as string,
    rows: ((result.host ?? []) as Record<string, string>[]).map((h) => ({
      id: h['@_HostId']!,
      name: h['@_Name']!,
      type: h['@_Type']!,
      address: h['@_Address']!,
      mxPref: h['@_MXPref']!,
      ttl: h['@_TTL']!,
    })),
  };
}

function setHosts(
  emulator: RunningEmulator<NamecheapState>,
  rows: Row[],
  extra: Record<string, string> = {},
) {
  return nc(emulator, 'namecheap.domains.dns.setHosts', rowsParams(rows, extra));
}

const SEEDED: Row[] = [
  { name: '@', type: 'A', address: '192.0.2.1', ttl: 3600 },
  { name: 'www', type: 'CNAME', address: 'test-domain-1.com.', ttl: 3600 },
  { name: '@', type: 'MX', address: 'mx1.test-domain-1.com.', mxPref: 10, ttl: 3600 },
];

describe('Namecheap emulator: domains.dns.getHosts', () => {
  it('lists the seeded rows as lower-case <host> elements with every attribute, MXPref 10 on non-MX rows', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.dns.getHosts', ZONE, { method: 'GET' });
    expect(res.text).toContain(
      '<host HostId="700001" Name="@" Type="A" Address="192.0.2.1" MXPref="10" TTL="3600" AssociatedAppTitle="" FriendlyName="" IsActive="true" IsDDNSEnabled="false"/>',
    );
    expect((await getHosts(emulator)).rows).toEqual([
      { id: '700001', name: '@', type: 'A', address: '192.0.2.1', mxPref: '10', ttl: '3600' },
      { id: '700002', name: 'www', type: 'CNAME', address: 'test-domain-1.com.', mxPref: '10', ttl: '3600' },
      { id: '700003', name: '@', type: 'MX', address: 'mx1.test-domain-1.com.', mxPref: '10', ttl: '3600' },
    ]);
    expect(res.command.DomainDNSGetHostsResult['@_EmailType']).toBe('MX');
  });

  it('an empty zone is a self-closing result', async () => {
    const emulator = await start({ seed: { recordsPerDomain: 0 } });
    const res = await nc(emulator, 'namecheap.domains.dns.getHosts', ZONE);
    expect(res.text).toContain(
      '<DomainDNSGetHostsResult Domain="test-domain-1.com" EmailType="NONE" IsUsingOurDNS="true"/>',
    );
  });

  it('hides rows the API cannot show (an SRV made in the web UI), and setHosts deletes them', async () => {
    const emulator = await start();
    emulator.state.addHiddenHost('test-domain-1.com', {
      name: '_sip._tcp',
      type: 'SRV',
      address: '10 5 5060 sip.example.net.',
      mxPref: 10,
      ttl: 1800,
      associatedAppTitle: '',
      friendlyName: '',
    });
    const before = await getHosts(emulator);
    expect(before.rows.map((r) => r.type)).toEqual(['A', 'CNAME', 'MX']);
    expect((await setHosts(emulator, SEEDED)).ok).toBe(true);
    expect(emulator.state.domains.get('test-domain-1.com')!.hiddenHosts).toEqual([]);
  });

  it('answers 2030288 for a domain on custom nameservers, 2019166 for a domain not in the account', async () => {
    const emulator = await start();
    await nc(emulator, 'namecheap.domains.dns.setCustom', {
      ...ZONE,
      Nameservers: 'ns1.example.net,ns2.example.net',
    });
    const custom = await nc(emulator, 'namecheap.domains.dns.getHosts', ZONE);
    expect(custom.errors).toEqual([
      {
        number: '2030288',
        text: 'Cannot complete this command as this domain is not using proper DNS servers',
      },
    ]);
    const foreign = await nc(emulator, 'namecheap.domains.dns.getHosts', { SLD: 'not-mine', TLD: 'com' });
    expect(foreign.errors[0]!.number).toBe('2019166');
  });

  it('addresses multi-label TLDs by SLD + TLD (example.co.uk is SLD=example, TLD=co.uk)', async () => {
    const emulator = await start();
    await registerCoUk(emulator);
    const hosts = await getHosts(emulator, { SLD: 'example', TLD: 'co.uk' });
    expect(hosts.rows.map((r) => `${r.name} ${r.type} ${r.address}`)).toEqual([
      'www CNAME parkingpage.namecheap.com.',
      '@ URL http://www.example.co.uk/',
    ]);
    const wrongSplit = await nc(emulator, 'namecheap.domains.dns.getHosts', { SLD: 'example.co', TLD: 'uk' });
    expect(wrongSplit.errors[0]!.number).toBe('2019166');
  });
});

describe('Namecheap emulator: domains.dns.setHosts replaces the whole list', () => {
  it('rows not sent are deleted; the answer is IsSuccess with a nested Warnings', async () => {
    const emulator = await start();
    const res = await setHosts(emulator, [SEEDED[0]!, SEEDED[2]!]);
    expect(res.text).toContain('<DomainDNSSetHostsResult Domain="test-domain-1.com" IsSuccess="true">');
    expect(res.command.DomainDNSSetHostsResult.Warnings).toBe('');
    expect((await getHosts(emulator)).rows.map((r) => r.type)).toEqual(['A', 'MX']);
  });

  it('keeps the HostId of unchanged rows and gives new rows new increasing ids', async () => {
    const emulator = await start();
    await setHosts(emulator, [...SEEDED, { name: 'new', type: 'A', address: '192.0.2.50' }]);
    const rows = (await getHosts(emulator)).rows;
    // Three seeded domains hold 700001…700009.
    expect(rows.map((r) => r.id)).toEqual(['700001', '700002', '700003', '700010']);
    expect(rows[3]).toMatchObject({ name: 'new', ttl: '1800' });
  });

  it('stores host names lower-case and adds the trailing dot to CNAME/ALIAS/NS/MX targets, not to A/TXT/URL', async () => {
    const emulator = await start();
    const res = await setHosts(emulator, [
      ...SEEDED,
      { name: 'Docs', type: 'CNAME', address: 'docs.example.com' },
      { name: 'Sub', type: 'NS', address: 'ns1.example.net' },
      { name: '@', type: 'ALIAS', address: 'target.example.net' },
      { name: 'mail', type: 'MX', address: 'mx.example.net', mxPref: 20 },
      { name: 'txt', type: 'TXT', address: 'v=spf1 include:example.net -all' },
      { name: 'go', type: 'URL301', address: 'https://example.org/' },
    ]);
    expect(res.ok, JSON.stringify(res.errors)).toBe(true);
    expect(
      (await getHosts(emulator)).rows.slice(3).map((r) => `${r.name} ${r.type} ${r.address} ${r.mxPref}`),
    ).toEqual([
      'docs CNAME docs.example.com. 10',
      'sub NS ns1.example.net. 10',
      '@ ALIAS target.example.net. 10',
      'mail MX mx.example.net. 20',
      'txt TXT v=spf1 include:example.net -all 10',
      'go URL301 https://example.org/ 10',
    ]);
  });

  it('collapses exact duplicates into one row', async () => {
    const emulator = await start();
    const dup = { name: 'dup', type: 'TXT', address: 'same' };
    await setHosts(emulator, [...SEEDED, dup, dup, { ...dup, name: 'DUP' }]);
    expect((await getHosts(emulator)).rows.filter((r) => r.name === 'dup')).toHaveLength(1);
  });

  it('ignores a preference-only change of an MX row, and keeps one of two MX rows differing only in preference', async () => {
    const emulator = await start();
    await setHosts(emulator, [SEEDED[0]!, SEEDED[1]!, { ...SEEDED[2]!, mxPref: 50 }]);
    expect((await getHosts(emulator)).rows[2]).toMatchObject({ type: 'MX', mxPref: '10', id: '700003' });
    await setHosts(emulator, [
      ...SEEDED,
      { name: 'm', type: 'MX', address: 'mx.example.net', mxPref: 5 },
      { name: 'm', type: 'MX', address: 'mx.example.net', mxPref: 7 },
    ]);
    expect((await getHosts(emulator)).rows.filter((r) => r.name === 'm').map((r) => r.mxPref)).toEqual(['5']);
  });

  it('sends URL redirect and parking rows back unchanged when a writer includes them (nothing else preserves them)', async () => {
    const emulator = await start();
    await nc(emulator, 'namecheap.domains.create', {
      DomainName: 'parked.com',
      Years: 1,
      ...contactParams(),
    });
    const zone = { SLD: 'parked', TLD: 'com' };
    const before = await getHosts(emulator, zone);
    expect(before.rows).toMatchObject([
      { name: 'www', type: 'CNAME', address: 'parkingpage.namecheap.com.', ttl: '1800' },
      { name: '@', type: 'URL', address: 'http://www.parked.com/', ttl: '1800' },
    ]);
    const sent: Row[] = before.rows.map((r) => ({
      name: r.name,
      type: r.type,
      address: r.address,
      ttl: Number(r.ttl),
    }));
    const res = await nc(emulator, 'namecheap.domains.dns.setHosts', {
      ...rowsParams([...sent, { name: 'a', type: 'A', address: '192.0.2.9' }]),
      ...zone,
    });
    expect(res.ok).toBe(true);
    const after = await getHosts(emulator, zone);
    expect(after.rows.slice(0, 2)).toEqual(before.rows);
    const raw = await nc(emulator, 'namecheap.domains.dns.getHosts', zone);
    expect(raw.text).toContain('AssociatedAppTitle="URL Forwarding" FriendlyName="URL Record"');
  });

  it('ignores unknown keys such as HostId1 and IsActive1 (as lexicon sends them)', async () => {
    const emulator = await start();
    const res = await setHosts(emulator, SEEDED, { HostId1: '700001', IsActive1: 'true', FriendlyName1: '' });
    expect(res.ok).toBe(true);
  });

  it('sending no rows clears the list (in a zone without MX rows)', async () => {
    const emulator = await start({ seed: { recordsPerDomain: 2 } });
    expect((await setHosts(emulator, [])).ok).toBe(true);
    expect((await getHosts(emulator)).rows).toEqual([]);
  });

  it('refuses more than 150 rows with 3013288', async () => {
    const emulator = await start({ seed: { recordsPerDomain: 2 } });
    const rows = Array.from({ length: 151 }, (_, i) => ({ name: `h${i}`, type: 'A', address: '192.0.2.1' }));
    const res = await setHosts(emulator, rows);
    expect(res.errors).toEqual([{ number: '3013288', text: 'Too many records' }]);
    expect((await getHosts(emulator)).rows).toHaveLength(2);
  });

  it('answers a row without RecordType with the unhandled 5050900 and an empty CommandResponse', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.dns.setHosts', {
      ...ZONE,
      HostName1: 'x',
      Address1: '192.0.2.1',
    });
    expect(res.errors).toEqual([
      { number: '5050900', text: 'Object reference not set to an instance of an object.' },
    ]);
    expect(res.text).toContain('<CommandResponse Type="namecheap.domains.dns.setHosts"/>');
    expect((await getHosts(emulator)).rows).toHaveLength(3);
  });

  it('answers a domain not in the account with 2019166 and the EmailType="" skeleton', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.dns.setHosts', { SLD: 'huxtest3', TLD: 'com' });
    expect(res.errors).toEqual([
      {
        number: '2019166',
        text: "The domain (huxtest3.com) doesn't seem to be associated with your account.",
      },
    ]);
    expect(res.text).toContain(
      '<DomainDNSSetHostsResult Domain="huxtest3.com" EmailType="" IsSuccess="false">',
    );
  });

  it('refuses invalid rows with 2011288 and changes nothing', async () => {
    const emulator = await start();
    const bad: [Row, string][] = [
      [
        { name: '_sip._tcp', type: 'SRV', address: '10 5 5060 sip.example.net' },
        'record type SRV is not supported',
      ],
      [{ name: 'x', type: 'A', address: '999.1.1.1' }, 'an A record needs an IPv4 address'],
      [{ name: 'x', type: 'AAAA', address: '192.0.2.1' }, 'an AAAA record needs an IPv6 address'],
      [
        { name: '@', type: 'CNAME', address: 'x.example.net' },
        'a CNAME record cannot be at the apex; use ALIAS',
      ],
      [{ name: 'x', type: 'URL', address: 'example.org' }, 'a redirect needs an http:// or https:// address'],
      [
        { name: 'x', type: 'CAA', address: '0 issue letsencrypt.org' },
        'a CAA value is written: flag tag "value"',
      ],
      [{ name: 'x', type: 'A', address: '192.0.2.1', ttl: 59 }, 'TTL must be between 60 and 60000'],
      [{ name: 'bad name', type: 'A', address: '192.0.2.1' }, 'host name bad name is not valid'],
    ];
    for (const [row, reason] of bad) {
      const res = await setHosts(emulator, [...SEEDED, row]);
      expect(res.errors, reason).toEqual([{ number: '2011288', text: `Host record 4: ${reason}` }]);
    }
    expect((await getHosts(emulator)).rows).toHaveLength(3);
    const caa = await setHosts(emulator, [
      ...SEEDED,
      { name: '@', type: 'CAA', address: '0 issue "letsencrypt.org"' },
    ]);
    expect(caa.ok).toBe(true);
  });
});

describe('Namecheap emulator: MX rows and EmailType', () => {
  it('EmailType omitted leaves it unchanged', async () => {
    const emulator = await start();
    await setHosts(emulator, SEEDED);
    expect((await getHosts(emulator)).emailType).toBe('MX');
  });

  it('MX rows are silently dropped unless the zone is (or becomes) EmailType MX', async () => {
    const emulator = await start({ seed: { recordsPerDomain: 2 } });
    const mx = { name: '@', type: 'MX', address: 'mx.example.net', mxPref: 10 };
    const res = await setHosts(emulator, [mx]);
    expect(res.ok).toBe(true);
    expect((await getHosts(emulator)).rows).toEqual([]);
    await setHosts(emulator, [mx], { EmailType: 'MX' });
    const after = await getHosts(emulator);
    expect(after.emailType).toBe('MX');
    expect(after.rows.map((r) => r.type)).toEqual(['MX']);
  });

  it('the last MX row of an MX zone cannot be removed unless the same call changes EmailType', async () => {
    const emulator = await start();
    const res = await setHosts(emulator, [SEEDED[0]!]);
    expect(res.errors).toEqual([
      {
        number: '2011288',
        text: 'The last MX record cannot be removed while EmailType is MX; send another EmailType',
      },
    ]);
    expect((await setHosts(emulator, [SEEDED[0]!], { EmailType: 'NONE' })).ok).toBe(true);
    expect(await getHosts(emulator)).toMatchObject({ emailType: 'NONE', rows: [{ type: 'A' }] });
  });

  it('MXE needs EmailType=MXE and exactly one MXE row; unknown EmailTypes are refused', async () => {
    const emulator = await start({ seed: { recordsPerDomain: 2 } });
    const mxe = { name: '@', type: 'MXE', address: '192.0.2.5' };
    expect((await setHosts(emulator, [mxe])).errors[0]!.text).toBe('MXE records need EmailType=MXE');
    expect((await setHosts(emulator, [], { EmailType: 'MXE' })).errors[0]!.text).toBe(
      'EmailType MXE needs exactly one MXE record',
    );
    expect((await setHosts(emulator, [mxe], { EmailType: 'MXE' })).ok).toBe(true);
    expect((await getHosts(emulator)).emailType).toBe('MXE');
    expect((await setHosts(emulator, [], { EmailType: 'POSTFIX' })).errors[0]!.number).toBe('2011288');
    for (const type of ['FWD', 'OX', 'GMAIL', 'NONE'])
      expect((await setHosts(emulator, [], { EmailType: type })).ok).toBe(true);
  });
});

describe('Namecheap emulator: nameservers (dns.getList, setCustom, setDefault)', () => {
  it('setCustom switches to custom servers, setDefault back to Namecheap DNS, keeping the host rows', async () => {
    const emulator = await start();
    const custom = await nc(emulator, 'namecheap.domains.dns.setCustom', {
      ...ZONE,
      Nameservers: 'NS1.Example.net,ns2.example.net.',
    });
    expect(custom.text).toContain('<DomainDNSSetCustomResult Domain="test-domain-1.com" Updated="true"/>');
    const list = await nc(emulator, 'namecheap.domains.dns.getList', ZONE);
    expect(list.command.DomainDNSGetListResult).toMatchObject({
      '@_IsUsingOurDNS': 'false',
      Nameserver: ['ns1.example.net', 'ns2.example.net'],
    });
    const info = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'test-domain-1.com' });
    expect(info.command.DomainGetInfoResult.DnsDetails).toMatchObject({
      '@_ProviderType': 'CUSTOM',
      '@_IsUsingOurDNS': 'false',
      Nameserver: ['ns1.example.net', 'ns2.example.net'],
    });
    const back = await nc(emulator, 'namecheap.domains.dns.setDefault', ZONE);
    expect(back.text).toContain('<DomainDNSSetDefaultResult Domain="test-domain-1.com" Updated="true"/>');
    const again = await nc(emulator, 'namecheap.domains.dns.getList', ZONE);
    expect(again.command.DomainDNSGetListResult).toMatchObject({
      '@_IsUsingOurDNS': 'true',
      '@_IsPremiumDNS': 'false',
      '@_IsUsingFreeDNS': 'false',
      Nameserver: ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'],
    });
    expect((await getHosts(emulator)).rows).toHaveLength(3);
  });

  it('setCustom refuses IP addresses and a missing list', async () => {
    const emulator = await start();
    const ips = await nc(emulator, 'namecheap.domains.dns.setCustom', {
      ...ZONE,
      Nameservers: '192.0.2.1,192.0.2.2',
    });
    expect(ips.errors).toEqual([{ number: '2011168', text: 'Nameservers are not valid' }]);
    const none = await nc(emulator, 'namecheap.domains.dns.setCustom', ZONE);
    expect(none.errors).toEqual([{ number: '2010100', text: 'Parameter Nameservers is missing' }]);
  });
});

describe('Namecheap emulator: setHosts in the request log and fault rules', () => {
  // The seeded zone and one more row (the MX row stays: an MX zone keeps its last MX row).
  const rows: Row[] = [...SEEDED, { name: 'txt', type: 'TXT', address: 'v=1', ttl: 3600 }];

  it('logs a setHosts by the record write it does: more rows createRecord, fewer deleteRecord, as many updateRecord', async () => {
    const emulator = await start();
    const from = emulator.requests.length;
    const answers = [
      await setHosts(emulator, rows),
      await setHosts(emulator, SEEDED),
      await setHosts(emulator, [{ ...SEEDED[0]!, ttl: 1800 }, ...SEEDED.slice(1)]),
    ];
    expect(answers.map((answer) => answer.errors)).toEqual([[], [], []]);
    expect(emulator.requests.slice(from).map((request) => request.operation)).toEqual([
      'createRecord',
      'deleteRecord',
      'updateRecord',
    ]);
  });

  it('a fault rule on deleteRecord answers the setHosts that drops a row, and only that one', async () => {
    const emulator = await start();
    emulator.setFaults([{ route: 'deleteRecord', fault: { type: 'status', status: 500 } }]);
    expect((await setHosts(emulator, rows)).status).toBe(200);
    expect((await setHosts(emulator, SEEDED)).status).toBe(500);
  });
});
