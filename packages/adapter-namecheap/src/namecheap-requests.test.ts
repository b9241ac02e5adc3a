/**
 * Exact requests and mapped models, one method at a time, against Namecheap's own sample answers
 * (shared/specs/namecheap: official doc samples and sandbox captures).
 */
import {
  AuthenticationError,
  NotFoundError,
  ProviderError,
  ResponseFormatError,
  toArray,
} from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adapter, envelope, GLOBALS, recorder, sample } from './test/namecheap-nock.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const lockAnswer = (locked: boolean) =>
  envelope(
    'namecheap.domains.getRegistrarLock',
    `<DomainGetRegistrarLockResult Domain="unittest2.dev" RegistrarLockStatus="${locked}" />`,
  );
/** A getList answer; `total` (default: the rows given) is its `Paging/TotalItems`, `null` leaves `Paging` out. */
const listAnswer = (rows: string, total: number | null = rows.split('<Domain ').length - 1) =>
  envelope(
    'namecheap.domains.getList',
    `<DomainGetListResult>${rows}</DomainGetListResult>${total === null ? '' : `<Paging><TotalItems>${total}</TotalItems><CurrentPage>1</CurrentPage><PageSize>100</PageSize></Paging>`}`,
  );
const unittestRow =
  '<Domain ID="589667" Name="unittest2.dev" User="phassberg" Created="05/20/2020" Expires="05/20/2021" IsExpired="false" IsLocked="false" AutoRenew="true" WhoisGuard="ENABLED" IsPremium="false" IsOurDNS="true"/>';

describe('domains', () => {
  it('listDomains: domains.getList pages of 100, rows mapped', async () => {
    const nc = recorder().answer(sample('domains.getList.doc.xml'));
    const domains = await toArray(adapter().listDomains());
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.getList', Page: '1', PageSize: '100' },
    ]);
    expect(domains.map((d) => d.name)).toEqual(['domain1.com', 'domain2.com', 'domain3.com']);
    expect(domains[0]).toEqual({
      provider: 'namecheap',
      id: '127',
      name: 'domain1.com',
      unicodeName: 'domain1.com',
      status: 'active',
      providerStatus: [],
      owner: 'owner',
      createdAt: new Date('2016-02-15T00:00:00Z'),
      expiresAt: new Date('2022-02-15T00:00:00Z'),
      updatedAt: null,
      autoRenew: false,
      whoisPrivacy: true,
      transferLock: null,
      nameservers: null,
      dsRecords: null,
      raw: expect.objectContaining({ id: '127' }),
    });
  });

  it('listDomains: a page repeated by a server that ignores Page (no TotalItems) is bad_pagination after page 2', async () => {
    const rows = Array.from(
      { length: 10 },
      (_, i) =>
        `<Domain ID="${i + 1}" Name="d${i}.com" User="u" Created="01/01/2020" Expires="01/01/2030" IsExpired="false" IsLocked="false" AutoRenew="false" WhoisGuard="NOTPRESENT"/>`,
    ).join('');
    const nc = recorder().answer(listAnswer(rows, null)).answer(listAnswer(rows, null));
    const error = await toArray(adapter().listDomains({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ code: 'bad_pagination', provider: 'namecheap', operation: 'listDomains' });
    expect(nc.forms.map((f) => f.Page)).toEqual(['1', '2']);
  });

  it('listDomains: TotalItems past the rows, then an empty page, is bad_pagination', async () => {
    const row = unittestRow;
    recorder().answer(listAnswer(row, 25)).answer(listAnswer('', 25)).answer(listAnswer('', 25));
    const error = await toArray(adapter().listDomains({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_pagination', provider: 'namecheap', operation: 'listDomains' });
  });

  it('getDomain: getInfo, getRegistrarLock and the getList row (auto-renew is only there)', async () => {
    const nc = recorder()
      .answer(sample('domains.getInfo.sandbox.xml'))
      .answer(lockAnswer(true))
      .answer(listAnswer(unittestRow));
    const domain = await adapter().getDomain('UnitTest2.dev.');
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.getInfo', DomainName: 'unittest2.dev' },
      { ...GLOBALS, Command: 'namecheap.domains.getRegistrarLock', DomainName: 'unittest2.dev' },
      {
        ...GLOBALS,
        Command: 'namecheap.domains.getList',
        SearchTerm: 'unittest2.dev',
        Page: '1',
        PageSize: '100',
      },
    ]);
    expect(domain).toMatchObject({
      id: '589667',
      name: 'unittest2.dev',
      status: 'active',
      providerStatus: ['Ok'],
      owner: 'phassberg',
      createdAt: new Date('2020-05-20T00:00:00Z'),
      expiresAt: new Date('2021-05-20T00:00:00Z'),
      autoRenew: true,
      whoisPrivacy: true,
      transferLock: true,
      nameservers: ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'],
    });
  });

  it('getDomain of a domain not in the account: 2030166 with a zero-filled result → NotFoundError', async () => {
    recorder().answer(sample('error-2030166-getinfo-not-owned.xml'));
    const error = await adapter()
      .getDomain('huxtest3.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: '2030166', provider: 'namecheap', operation: 'getDomain' });
  });

  it('updateDomain: transferLock → setRegistrarLock UNLOCK; nameservers → dns.setCustom with SLD/TLD split at the registry suffix', async () => {
    const nc = recorder()
      .answer(sample('domains.setRegistrarLock.doc.xml'))
      .answer(sample('domains.dns.setCustom.doc.xml'))
      .answer(sample('domains.getInfo.sandbox.xml'))
      .answer(lockAnswer(false))
      .answer(listAnswer(''));
    await adapter().updateDomain('example.co.uk', {
      transferLock: false,
      nameservers: ['NS1.Example-DNS.net.', 'ns2.example-dns.net'],
    });
    expect(nc.forms.slice(0, 2)).toEqual([
      {
        ...GLOBALS,
        Command: 'namecheap.domains.setRegistrarLock',
        DomainName: 'example.co.uk',
        LockAction: 'UNLOCK',
      },
      {
        ...GLOBALS,
        Command: 'namecheap.domains.dns.setCustom',
        SLD: 'example',
        TLD: 'co.uk',
        Nameservers: 'ns1.example-dns.net,ns2.example-dns.net',
      },
    ]);
  });

  it('getZone: domains.dns.getList, the servers to delegate to', async () => {
    const nc = recorder().answer(sample('domains.dns.getList.sdk.xml'));
    const zone = await adapter().getZone('domain.com');
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.dns.getList', SLD: 'domain', TLD: 'com' },
    ]);
    expect(zone).toMatchObject({ provider: 'namecheap', id: 'domain.com', name: 'domain.com' });
  });
});

describe('availability and prices', () => {
  it('checkAvailability: domains.check; a premium name with its registration price', async () => {
    const nc = recorder().answer(sample('domains.check.doc.xml'));
    const result = await adapter().checkAvailability('us.xyz');
    expect(nc.forms).toEqual([{ ...GLOBALS, Command: 'namecheap.domains.check', DomainList: 'us.xyz' }]);
    expect(result).toMatchObject({
      domain: 'us.xyz',
      available: true,
      status: 'premium',
      premium: true,
      price: { amount: '13000.0000', currency: 'USD' },
    });
  });

  it('getPrice: per-year price plus the per-year ICANN fee (YourAdditonalCost, misspelt live) × years, renewal price', async () => {
    const regular = envelope(
      'namecheap.domains.check',
      '<DomainCheckResult Domain="example.com" Available="true" ErrorNo="0" Description="" IsPremiumName="false" PremiumRegistrationPrice="0" PremiumRenewalPrice="0" PremiumRestorePrice="0" PremiumTransferPrice="0" IcannFee="0" EapFee="0"/>',
    );
    const nc = recorder().answer(regular).answer(sample('users.getPricing.sandbox-shape.xml'));
    const quote = await adapter().getPrice('example.com', { operation: 'register', years: 2 });
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.check', DomainList: 'example.com' },
      { ...GLOBALS, Command: 'namecheap.users.getPricing', ProductType: 'DOMAIN', ProductName: 'COM' },
    ]);
    // 2 years at 10.88 + 0.18 a year.
    expect(quote).toMatchObject({
      operation: 'register',
      years: 2,
      price: { amount: '22.12', currency: 'USD' },
      premium: false,
      available: true,
    });
  });

  it('listTldPrices: users.getPricing ProductType=DOMAIN, one-year prices per TLD', async () => {
    const nc = recorder().answer(sample('users.getPricing.doc.xml'));
    const prices = await adapter().listTldPrices();
    expect(nc.forms).toEqual([{ ...GLOBALS, Command: 'namecheap.users.getPricing', ProductType: 'DOMAIN' }]);
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(price.provider).toBe('namecheap');
  });

  it('getTldRequirements: domains.getTldList years and privacy, extended attributes from the published list', async () => {
    const nc = recorder().answer(sample('domains.getTldList.doc.xml'));
    const uk = await adapter().getTldRequirements('.co.uk');
    expect(nc.forms).toEqual([{ ...GLOBALS, Command: 'namecheap.domains.getTldList' }]);
    expect(uk).toMatchObject({
      tld: 'co.uk',
      minYears: 2,
      maxYears: 10,
      whoisPrivacy: true,
      autoRenewOnly: null,
    });
    expect(uk.extendedAttributes.map((a) => [a.name, a.required])).toEqual([
      ['COUKLegalType', true],
      ['COUKRegisteredfor', true],
      ['COUKCompanyID', false],
    ]);
  });
});

describe('orders', () => {
  const contact = {
    firstName: 'John',
    lastName: 'Smith',
    organization: 'NameCheap.com',
    email: 'john@example.com',
    phone: '+1.6613102107',
    address1: '8939 S.cross Blvd',
    city: 'CA',
    stateProvince: 'CA',
    postalCode: '90045',
    country: 'US',
  };
  const block = (prefix: string) => ({
    [`${prefix}FirstName`]: 'John',
    [`${prefix}LastName`]: 'Smith',
    [`${prefix}OrganizationName`]: 'NameCheap.com',
    [`${prefix}Address1`]: '8939 S.cross Blvd',
    [`${prefix}City`]: 'CA',
    [`${prefix}StateProvince`]: 'CA',
    [`${prefix}PostalCode`]: '90045',
    [`${prefix}Country`]: 'US',
    [`${prefix}Phone`]: '+1.6613102107',
    [`${prefix}EmailAddress`]: 'john@example.com',
  });
  const regularCheck = (name: string) =>
    envelope(
      'namecheap.domains.check',
      `<DomainCheckResult Domain="${name}" Available="true" ErrorNo="0" Description="" IsPremiumName="false" PremiumRegistrationPrice="0" PremiumRenewalPrice="0" PremiumRestorePrice="0" PremiumTransferPrice="0" IcannFee="0" EapFee="0"/>`,
    );

  it('registerDomain: the quote first, then domains.create with the four contact blocks inline', async () => {
    const nc = recorder()
      .answer(regularCheck('aa.us.com'))
      .answer(
        envelope(
          'namecheap.users.getPricing',
          '<UserGetPricingResult><ProductType Name="domains"><ProductCategory Name="register"><Product Name="us.com"><Price Duration="1" DurationType="YEAR" Price="200.87" YourPrice="200.87" YourAdditonalCost="0" Currency="USD"/></Product></ProductCategory></ProductType></UserGetPricingResult>',
        ),
      )
      .answer(sample('domains.create.doc.xml'));
    const registration = await adapter().registerDomain({
      domain: 'aa.us.com',
      contacts: { registrant: contact },
      nameservers: ['ns1.example.net', 'ns2.example.net'],
      maxPrice: { amount: '201.00', currency: 'USD' },
    });
    expect(nc.forms[2]).toEqual({
      ...GLOBALS,
      Command: 'namecheap.domains.create',
      DomainName: 'aa.us.com',
      Years: '1',
      ...block('Registrant'),
      ...block('Tech'),
      ...block('Admin'),
      ...block('AuxBilling'),
      Nameservers: 'ns1.example.net,ns2.example.net',
      AddFreeWhoisguard: 'no',
      WGEnabled: 'no',
    });
    expect(registration).toEqual({
      provider: 'namecheap',
      id: '22158',
      domain: 'aa.us.com',
      status: 'completed',
      cost: { amount: '200.8700', currency: 'USD' },
      raw: expect.objectContaining({ domainid: '103877' }),
    });
    expect(nc.forms).toHaveLength(3); // nothing read after the charge: a failing read cannot turn it into an error
  });

  it('renewDomain: domains.renew; the new expiry read from "4/30/2021 11:31:13 AM"', async () => {
    const nc = recorder()
      .answer(regularCheck('models.tv'))
      .answer(
        envelope(
          'namecheap.users.getPricing',
          '<UserGetPricingResult><ProductType Name="DOMAIN"><ProductCategory Name="RENEW"><Product Name="TV"><Price Duration="1" DurationType="YEAR" Price="650.00" Currency="USD"/></Product></ProductCategory></ProductType></UserGetPricingResult>',
        ),
      )
      .answer(sample('domains.renew.doc.xml'));
    const result = await adapter().renewDomain('models.tv', { years: 1 });
    expect(nc.forms[2]).toEqual({
      ...GLOBALS,
      Command: 'namecheap.domains.renew',
      DomainName: 'models.tv',
      Years: '1',
    });
    expect(result).toMatchObject({
      domain: 'models.tv',
      status: 'completed',
      expiresAt: new Date('2021-04-30T11:31:13Z'),
      cost: { amount: '650.0000', currency: 'USD' },
    });
  });

  it('transferDomain: Years=1 and an EPP code with special characters as base64:…', async () => {
    const nc = recorder()
      .answer(regularCheck('domain.com'))
      .answer(
        envelope(
          'namecheap.users.getPricing',
          '<UserGetPricingResult><ProductType Name="domains"><ProductCategory Name="transfer"><Product Name="com"><Price Duration="1" DurationType="YEAR" Price="8.88" Currency="USD"/></Product></ProductCategory></ProductType></UserGetPricingResult>',
        ),
      )
      .answer(sample('domains.transfer.create.doc.xml'));
    const transfer = await adapter().transferDomain({ domain: 'domain.com', authCode: 'a&b=c' });
    expect(nc.forms[2]).toEqual({
      ...GLOBALS,
      Command: 'namecheap.domains.transfer.create',
      DomainName: 'domain.com',
      Years: '1',
      EPPCode: `base64:${Buffer.from('a&b=c').toString('base64')}`,
      AddFreeWhoisguard: 'no',
      WGenable: 'no',
    });
    expect(transfer).toMatchObject({
      id: '15',
      domain: 'domain.com',
      status: 'pending',
      cost: { amount: '8.88' },
    });
  });

  it('getTransfer: transfer.getStatus, the domain from transfer.getList', async () => {
    const nc = recorder()
      .answer(
        envelope(
          'namecheap.domains.transfer.getStatus',
          '<DomainTransferGetStatusResult TransferID="75" Status="Awaiting release" StatusID="14" />',
        ),
      )
      .answer(sample('domains.transfer.getList.doc.xml'));
    const transfer = await adapter().getTransfer('75');
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.transfer.getStatus', TransferID: '75' },
      {
        ...GLOBALS,
        Command: 'namecheap.domains.transfer.getList',
        ListType: 'ALL',
        Page: '1',
        PageSize: '100',
      },
    ]);
    expect(transfer).toMatchObject({ id: '75', domain: 'domain8.co.uk', status: 'in_progress' });
  });
});

describe('records and contacts', () => {
  it('listRecords: getHosts with SLD/TLD; lower-case <host> rows; the URL row is not a model record', async () => {
    const nc = recorder().answer(sample('domains.dns.getHosts.sandbox.xml'));
    const records = await toArray(adapter().listRecords('unittest2.dev'));
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.dns.getHosts', SLD: 'unittest2', TLD: 'dev' },
    ]);
    expect(records.map((r) => r.type)).not.toContain('URL');
    expect(records[0]).toEqual({
      provider: 'namecheap',
      id: '746360',
      domain: 'unittest2.dev',
      name: 'localhost',
      fqdn: 'localhost.unittest2.dev',
      type: 'A',
      content: '127.0.0.1',
      ttl: 3600,
      priority: null,
      createdAt: null,
      updatedAt: null,
      raw: expect.objectContaining({ hostid: '746360' }),
    });
    expect(records.find((r) => r.name === 'www')).toMatchObject({
      type: 'CNAME',
      content: 'parkingpage.namecheap.com',
    });
  });

  it('createRecord: getHosts, then setHosts with every row read (the URL row too) and the new one, then getHosts', async () => {
    const written = sample('domains.dns.getHosts.sandbox.xml').replace(
      '</DomainDNSGetHostsResult>',
      '<host HostId="746400" Name="_acme-challenge.test" Type="TXT" Address="challengetoken" MXPref="10" TTL="3600" AssociatedAppTitle="" FriendlyName="" IsActive="true" IsDDNSEnabled="false" /></DomainDNSGetHostsResult>',
    );
    const nc = recorder()
      .answer(sample('domains.dns.getHosts.sandbox.xml'))
      .answer(sample('domains.dns.setHosts.sandbox.xml'))
      .answer(written);
    const record = await adapter().createRecord('unittest2.dev', {
      type: 'TXT',
      name: '_acme-challenge.test',
      content: 'challengetoken',
      ttl: 3600,
    });
    const row = (n: number, name: string, type: string, address: string, ttl: string) => ({
      [`HostName${n}`]: name,
      [`RecordType${n}`]: type,
      [`Address${n}`]: address,
      [`MXPref${n}`]: '10',
      [`TTL${n}`]: ttl,
    });
    expect(nc.forms[1]).toEqual({
      ...GLOBALS,
      Command: 'namecheap.domains.dns.setHosts',
      SLD: 'unittest2',
      TLD: 'dev',
      ...row(1, 'localhost', 'A', '127.0.0.1', '3600'),
      ...row(2, 'docs', 'CNAME', 'docs.example.com.', '3600'),
      ...row(3, 'www', 'CNAME', 'parkingpage.namecheap.com.', '1800'),
      ...row(4, '_acme-challenge.createrecordset', 'TXT', 'challengetoken1', '3600'),
      ...row(5, '_acme-challenge.createrecordset', 'TXT', 'challengetoken2', '3600'),
      ...row(6, '@', 'URL', 'http://www.unittest2.dev/', '1800'),
      ...row(7, '_acme-challenge.test', 'TXT', 'challengetoken', '3600'),
    });
    expect(record).toMatchObject({
      id: '746400',
      name: '_acme-challenge.test',
      type: 'TXT',
      content: 'challengetoken',
    });
  });

  it('setDomainContacts: domains.setContacts with the four blocks (roles not given take the registrant)', async () => {
    const nc = recorder().answer(sample('domains.setContacts.doc.xml'));
    await adapter().setDomainContacts('domain1.com', {
      contacts: {
        registrant: {
          firstName: 'John',
          lastName: 'Smith',
          email: 'john@example.com',
          phone: '+1.6613102107',
          address1: '8939 S.cross Blvd',
          city: 'CA',
          stateProvince: 'CA',
          postalCode: '90045',
          country: 'US',
        },
      },
    });
    expect(nc.forms).toHaveLength(1);
    expect(nc.forms[0]).toMatchObject({
      Command: 'namecheap.domains.setContacts',
      DomainName: 'domain1.com',
      RegistrantFirstName: 'John',
      TechFirstName: 'John',
      AdminEmailAddress: 'john@example.com',
      AuxBillingPhone: '+1.6613102107',
    });
    expect(nc.forms[0]!.RegistrantOrganizationName).toBeUndefined();
  });

  it('an unhandled server error (5050900) on setHosts is a ProviderError, sent once', async () => {
    const nc = recorder()
      .answer(sample('domains.dns.getHosts.empty.xml'))
      .answer(sample('error-5050900-unhandled.xml'));
    const error = await adapter()
      .createRecord('willpower232testsdnscontrol.com', { type: 'A', name: 'a', content: '192.0.2.1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '5050900', operation: 'createRecord' });
    expect(nc.forms.map((f) => f.Command)).toEqual([
      'namecheap.domains.dns.getHosts',
      'namecheap.domains.dns.setHosts',
    ]);
  });

  it('getDomainContacts: domains.getContacts, four contacts in the model', async () => {
    const nc = recorder().answer(sample('domains.getContacts.doc.xml'));
    const contacts = await adapter().getDomainContacts('domain1.com');
    expect(nc.forms).toEqual([
      { ...GLOBALS, Command: 'namecheap.domains.getContacts', DomainName: 'domain1.com' },
    ]);
    expect(contacts.registrant).toMatchObject({
      id: 'domain1.com:registrant',
      firstName: 'John',
      lastName: 'Smith',
      organization: 'NameCheap.com',
      phone: '+1.6613102107',
      country: 'US',
    });
    expect(Object.keys(contacts)).toEqual(['registrant', 'admin', 'tech', 'billing']);
  });
});

describe('privacy and reactivation', () => {
  it('whoisPrivacy on for a domain without a subscription: a free one is allotted, then enabled with the registrant e-mail', async () => {
    const info = sample('domains.getInfo.sandbox.xml').replace(
      /<Whoisguard Enabled="True">[\s\S]*?<\/Whoisguard>/,
      '<Whoisguard Enabled="NotAlloted"><ID>0</ID></Whoisguard>',
    );
    const nc = recorder()
      .answer(info)
      .answer(sample('domains.getContacts.doc.xml'))
      .answer(sample('whoisguard.getList.doc.xml'))
      .answer(sample('whoisguard.allot.doc.xml'))
      .answer(sample('whoisguard.enable.doc.xml'))
      .answer(sample('domains.getInfo.sandbox.xml'))
      .answer(lockAnswer(true))
      .answer(listAnswer(unittestRow));
    const domain = await adapter().updateDomain('unittest2.dev', { whoisPrivacy: true });
    expect(
      nc.forms.slice(1, 5).map(({ ApiKey: _, ApiUser: _u, UserName: _n, ClientIp: _c, ...rest }) => rest),
    ).toEqual([
      { Command: 'namecheap.domains.getContacts', DomainName: 'unittest2.dev' },
      { Command: 'namecheap.whoisguard.getList', ListType: 'FREE', Page: '1', PageSize: '100' },
      {
        Command: 'namecheap.whoisguard.allot',
        WhoisguardId: '38495',
        DomainName: 'unittest2.dev',
        ForwardedToEmail: 'john@gmail.com',
        EnableWG: 'False',
      },
      { Command: 'namecheap.whoisguard.enable', WhoisguardID: '38495', ForwardedToEmail: 'john@gmail.com' },
    ]);
    expect(domain.whoisPrivacy).toBe(true);
  });

  it('restoreDomain: the reactivate quote, then domains.reactivate (result attribute Domain, not DomainName)', async () => {
    const nc = recorder()
      .answer(
        envelope(
          'namecheap.domains.check',
          '<DomainCheckResult Domain="models.tv" Available="false" ErrorNo="0" Description="" IsPremiumName="false" PremiumRegistrationPrice="0" PremiumRenewalPrice="0" PremiumRestorePrice="0" PremiumTransferPrice="0" IcannFee="0" EapFee="0"/>',
        ),
      )
      .answer(
        envelope(
          'namecheap.users.getPricing',
          '<UserGetPricingResult><ProductType Name="DOMAIN"><ProductCategory Name="REACTIVATE"><Product Name="TV"><Price Duration="1" DurationType="YEAR" Price="650.00" Currency="USD"/></Product></ProductCategory></ProductType></UserGetPricingResult>',
        ),
      )
      .answer(sample('domains.reactivate.doc.xml'));
    const result = await adapter().restoreDomain('models.tv', {
      maxPrice: { amount: '650.00', currency: 'USD' },
    });
    expect(nc.forms[2]).toEqual({
      ...GLOBALS,
      Command: 'namecheap.domains.reactivate',
      DomainName: 'models.tv',
      YearsToAdd: '1',
    });
    expect(nc.forms).toHaveLength(3); // nothing read after the charge
    expect(result).toMatchObject({
      domain: 'models.tv',
      status: 'completed',
      orderId: '23569',
      cost: { amount: '650.0000' },
    });
  });
});

describe('authentication', () => {
  it('a caller IP not whitelisted (1011150) is an AuthenticationError saying which IP to whitelist', async () => {
    recorder().answer(sample('error-1011150-invalid-request-ip.xml'));
    const error = await adapter()
      .getDomain('domain1.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1011150' });
    expect((error as Error).message).toBe(
      'namecheap getDomain: error 1011150: Invalid request IP: 82.132.224.85; whitelist 82.132.224.85 in Namecheap (Profile > Tools > Namecheap API Access > Whitelisted IPs)',
    );
  });

  it('a bad key (1011102) is an AuthenticationError, not retried', async () => {
    const nc = recorder().answer(sample('error-1011102-bad-apikey.xml'));
    const error = await adapter()
      .checkAvailability('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1011102' });
    expect(nc.forms).toHaveLength(1);
  });
});
