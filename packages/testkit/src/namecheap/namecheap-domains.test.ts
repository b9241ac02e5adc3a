import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import type { NamecheapState } from './namecheap-state.js';
import { contactParams, emulatorStarter, nc } from './namecheap-test-client.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const start = emulatorStarter({ rateLimits: false, now: () => NOW });

const FIRST = 'test-domain-1.com';

async function listNames(
  emulator: RunningEmulator<NamecheapState>,
  params: Record<string, string | number> = {},
) {
  const res = await nc(emulator, 'namecheap.domains.getList', params);
  expect(res.ok, JSON.stringify(res.errors)).toBe(true);
  return {
    names: ((res.command.DomainGetListResult.Domain ?? []) as Record<string, string>[]).map(
      (d) => d['@_Name'],
    ),
    paging: res.command.Paging,
  };
}

describe('Namecheap emulator: domains.getList', () => {
  it('lists the portfolio in seeded order with every documented attribute', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getList');
    const rows = res.command.DomainGetListResult.Domain;
    expect(rows.map((d: Record<string, string>) => d['@_Name'])).toEqual(emulator.seedInfo.ownedDomains);
    expect(rows[0]).toEqual({
      '@_ID': '500001',
      '@_Name': FIRST,
      '@_User': 'nc-test-user',
      '@_Created': '01/15/2024',
      '@_Expires': '01/15/2030',
      '@_IsExpired': 'false',
      '@_IsLocked': 'true',
      '@_AutoRenew': 'true',
      '@_WhoisGuard': 'ENABLED',
      '@_IsPremium': 'false',
      '@_IsOurDNS': 'true',
    });
    expect(rows.map((d: Record<string, string>) => d['@_WhoisGuard'])).toEqual([
      'ENABLED',
      'DISABLED',
      'NOTPRESENT',
    ]);
    expect(res.command.Paging).toEqual({ TotalItems: '3', CurrentPage: '1', PageSize: '20' });
  });

  it('pages with Page/PageSize (10–100, default 20; out-of-range sizes clamped)', async () => {
    const emulator = await start({ seed: { domains: 25 } });
    const first = await listNames(emulator, { PageSize: 10 });
    expect(first.names).toHaveLength(10);
    expect(first.paging).toEqual({ TotalItems: '25', CurrentPage: '1', PageSize: '10' });
    const third = await listNames(emulator, { PageSize: 10, Page: 3 });
    expect(third.names).toEqual(emulator.seedInfo.ownedDomains.slice(20));
    const beyond = await listNames(emulator, { PageSize: 10, Page: 4 });
    expect(beyond.names).toEqual([]);
    expect((await listNames(emulator)).names).toHaveLength(20);
    expect((await listNames(emulator, { PageSize: 2 })).paging.PageSize).toBe('10');
    expect((await listNames(emulator, { PageSize: 500 })).paging.PageSize).toBe('100');
  });

  it('filters by SearchTerm and ListType, and sorts by SortBy', async () => {
    const emulator = await start({ seed: { domains: 12 } });
    expect((await listNames(emulator, { SearchTerm: 'DOMAIN-1' })).names).toEqual([
      'test-domain-1.com',
      'test-domain-10.com',
      'test-domain-11.com',
    ]);
    expect((await listNames(emulator, { SortBy: 'NAME_DESC', PageSize: 100 })).names[0]).toBe(
      'xn--bcher-kva.com',
    );
    expect((await listNames(emulator, { SortBy: 'EXPIREDATE_DESC' })).names[0]).toBe('xn--bcher-kva.com');
    expect((await listNames(emulator, { ListType: 'EXPIRED' })).names).toEqual([]);
    emulator.state.expireDomain('test-domain-3.com');
    emulator.state.domains.get('test-domain-4.com')!.expiresAt = new Date(NOW.getTime() + 10 * 86_400_000);
    expect((await listNames(emulator, { ListType: 'EXPIRED' })).names).toEqual(['test-domain-3.com']);
    expect((await listNames(emulator, { ListType: 'EXPIRING' })).names).toEqual(['test-domain-4.com']);
  });
});

describe('Namecheap emulator: domains.getInfo', () => {
  it('answers the live sandbox shape for an owned domain with privacy on', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'Test-Domain-1.COM' });
    const info = res.command.DomainGetInfoResult;
    expect(info).toMatchObject({
      '@_Status': 'Ok',
      '@_ID': '500001',
      '@_DomainName': FIRST,
      '@_OwnerName': 'nc-test-user',
      '@_IsOwner': 'true',
      '@_IsPremium': 'false',
      DomainDetails: { CreatedDate: '01/15/2024', ExpiredDate: '01/15/2030', NumYears: '0' },
      LockDetails: '',
      Whoisguard: { '@_Enabled': 'True', ID: '480001', ExpiredDate: '01/15/2030' },
      PremiumDnsSubscription: { SubscriptionId: '-1', CreatedDate: '0001-01-01T00:00:00' },
      DnsDetails: {
        '@_ProviderType': 'FREE',
        '@_IsUsingOurDNS': 'true',
        '@_HostCount': '3',
        '@_EmailType': 'MX',
        Nameserver: ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'],
      },
      Modificationrights: { '@_All': 'true' },
    });
    expect(info.Whoisguard.EmailDetails['@_ForwardedTo']).toBe('owner@example.com');
  });

  it('Whoisguard Enabled is False for a disabled subscription and NotAlloted (ID 0) without one', async () => {
    const emulator = await start();
    const second = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'test-domain-2.com' });
    expect(second.command.DomainGetInfoResult.Whoisguard['@_Enabled']).toBe('False');
    const idn = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'xn--bcher-kva.com' });
    expect(idn.command.DomainGetInfoResult.Whoisguard).toEqual({ '@_Enabled': 'NotAlloted', ID: '0' });
  });

  it('a domain not in the account: 2030166 "Domain is invalid" with the zero-filled result', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'registered-name.com' });
    expect(res.errors).toEqual([{ number: '2030166', text: 'Domain is invalid' }]);
    expect(res.command.DomainGetInfoResult).toMatchObject({ '@_ID': '0', '@_IsOwner': 'false' });
  });

  it('an expired domain reads Status Expired; a missing or invalid DomainName is refused', async () => {
    const emulator = await start();
    emulator.state.expireDomain(FIRST);
    const res = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: FIRST });
    expect(res.command.DomainGetInfoResult['@_Status']).toBe('Expired');
    expect((await nc(emulator, 'namecheap.domains.getInfo')).errors).toEqual([
      { number: '2010166', text: 'Parameter DomainName is missing' },
    ]);
    expect(
      (await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'no dots' })).errors[0]!.number,
    ).toBe('2011166');
  });
});

describe('Namecheap emulator: contacts (inline, four roles)', () => {
  it('getContacts lists the four roles, the ccTLD attributes and the privacy proxy block', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getContacts', { DomainName: FIRST });
    const result = res.command.DomainContactsResult;
    expect(result['@_Domain']).toBe(FIRST);
    expect(result['@_domainnameid']).toBe('500001');
    for (const role of ['Registrant', 'Tech', 'Admin', 'AuxBilling']) {
      expect(result[role]).toMatchObject({ '@_ReadOnly': 'false', FirstName: 'Emulator', Country: 'US' });
      expect(result.WhoisGuardContact[role]).toMatchObject({ '@_ReadOnly': 'true', Country: 'IS' });
    }
    expect(result.CurrentAttributes).toBe('');
  });

  it('setContacts replaces all four roles, as sent', async () => {
    const emulator = await start();
    const params = contactParams({ TechFirstName: 'Grace', AdminOrganizationName: 'Analytical Engines Ltd' });
    const res = await nc(emulator, 'namecheap.domains.setContacts', { DomainName: FIRST, ...params });
    expect(res.text).toContain(`<DomainSetContactResult Domain="${FIRST}" IsSuccess="true"/>`);
    const after = (await nc(emulator, 'namecheap.domains.getContacts', { DomainName: FIRST })).command
      .DomainContactsResult;
    expect(after.Registrant).toMatchObject({ FirstName: 'Ada', Phone: '+44.2071234567', Country: 'GB' });
    expect(after.Tech.FirstName).toBe('Grace');
    expect(after.Admin.OrganizationName).toBe('Analytical Engines Ltd');
  });

  it('refuses a missing role field with its role number, a bad phone with 2015182, a bad country with 2005', async () => {
    const emulator = await start();
    const cases: [Record<string, string>, string][] = [
      [{ RegistrantEmailAddress: '' }, '2010324'],
      [{ TechCity: '' }, '2010325'],
      [{ AdminLastName: '' }, '2010326'],
      [{ AuxBillingPhone: '' }, '2010327'],
      [{ RegistrantPhone: '020 7123 4567' }, '2015182'],
      [{ TechFax: '12345' }, '2015182'],
      [{ AdminCountry: 'United Kingdom' }, '2005'],
    ];
    for (const [override, number] of cases) {
      const res = await nc(emulator, 'namecheap.domains.setContacts', {
        DomainName: FIRST,
        ...contactParams(override),
      });
      expect(res.errors[0]?.number, JSON.stringify(override)).toBe(number);
    }
    const after = await nc(emulator, 'namecheap.domains.getContacts', { DomainName: FIRST });
    expect(after.command.DomainContactsResult.Registrant.FirstName).toBe('Emulator');
  });

  it('keeps a ccTLD domain attributes when setContacts sends none, and checks them when it does', async () => {
    const emulator = await start();
    const created = await nc(emulator, 'namecheap.domains.create', {
      DomainName: 'nexus.us',
      Years: 1,
      RegistrantNexus: 'C11',
      RegistrantPurpose: 'P1',
      ...contactParams(),
    });
    expect(created.ok, JSON.stringify(created.errors)).toBe(true);
    await nc(emulator, 'namecheap.domains.setContacts', { DomainName: 'nexus.us', ...contactParams() });
    const contacts = await nc(emulator, 'namecheap.domains.getContacts', { DomainName: 'nexus.us' });
    expect(contacts.command.DomainContactsResult.CurrentAttributes).toEqual({
      RegistrantNexus: 'C11',
      RegistrantNexusCountry: '',
      RegistrantPurpose: 'P1',
    });
    const bad = await nc(emulator, 'namecheap.domains.setContacts', {
      DomainName: 'nexus.us',
      RegistrantNexus: 'C99',
      RegistrantPurpose: 'P1',
      ...contactParams(),
    });
    expect(bad.errors).toEqual([
      { number: '2011322', text: 'Extended attribute RegistrantNexus is not valid' },
    ]);
  });

  it('getContacts on a domain not in the account: 2019166', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getContacts', { DomainName: 'registered-name.com' });
    expect(res.errors[0]!.number).toBe('2019166');
  });
});

describe('Namecheap emulator: registrar lock', () => {
  it('reads and sets the lock (LockAction LOCK/UNLOCK in any case, LOCK by default)', async () => {
    const emulator = await start();
    const read = async () =>
      (await nc(emulator, 'namecheap.domains.getRegistrarLock', { DomainName: FIRST })).command
        .DomainGetRegistrarLockResult['@_RegistrarLockStatus'];
    expect(await read()).toBe('true');
    const unlock = await nc(emulator, 'namecheap.domains.setRegistrarLock', {
      DomainName: FIRST,
      LockAction: 'unlock',
    });
    expect(unlock.text).toContain(`<DomainSetRegistrarLockResult Domain="${FIRST}" IsSuccess="true"/>`);
    expect(await read()).toBe('false');
    const list = await nc(emulator, 'namecheap.domains.getList', { SearchTerm: FIRST });
    expect(list.command.DomainGetListResult.Domain[0]['@_IsLocked']).toBe('false');
    await nc(emulator, 'namecheap.domains.setRegistrarLock', { DomainName: FIRST });
    expect(await read()).toBe('true');
    const bad = await nc(emulator, 'namecheap.domains.setRegistrarLock', {
      DomainName: FIRST,
      LockAction: 'OPEN',
    });
    expect(bad.errors).toEqual([{ number: '2015278', text: 'LockAction is invalid' }]);
  });
});

describe('Namecheap emulator: domains.getTldList', () => {
  it('lists every TLD sold, multi-label suffixes as co.uk, with year ranges and API flags', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getTldList');
    const tlds = res.command.Tlds.Tld as Record<string, string>[];
    expect(tlds.map((t) => t['@_Name']).sort()).toEqual(Object.keys(emulator.seedInfo.tldPrices).sort());
    const couk = tlds.find((t) => t['@_Name'] === 'co.uk')!;
    expect(couk).toMatchObject({
      '@_Type': 'CCTLD',
      '@_MinRegisterYears': '1',
      '@_MaxRegisterYears': '10',
      '@_IsApiTransferable': 'false',
      '@_IsDisableWGAllot': 'true',
      '#text': 'UK based domain',
    });
    expect(tlds.find((t) => t['@_Name'] === 'com')).toMatchObject({
      '@_Type': 'GTLD',
      '@_IsApiTransferable': 'true',
    });
  });
});
