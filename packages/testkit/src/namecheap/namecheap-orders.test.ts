import { describe, expect, it } from 'vitest';
import { contactParams, emulatorStarter, nc } from './namecheap-test-client.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const start = emulatorStarter({ rateLimits: false, now: () => NOW });

const FIRST = 'test-domain-1.com';
type Row = Record<string, string>;

describe('Namecheap emulator: domains.check', () => {
  it('answers one DomainCheckResult per name: available, taken, premium with its prices, and per-name errors', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.check', {
      DomainList: `available-name.com,${FIRST},registered-name.com,premium-name.com,name.unknowntld,bad_name.com`,
    });
    const rows = res.command.DomainCheckResult as Row[];
    expect(rows.map((r) => [r['@_Domain'], r['@_Available'], r['@_ErrorNo'], r['@_IsPremiumName']])).toEqual([
      ['available-name.com', 'true', '0', 'false'],
      [FIRST, 'false', '0', 'false'],
      ['registered-name.com', 'false', '0', 'false'],
      ['premium-name.com', 'true', '0', 'true'],
      ['name.unknowntld', 'error', '2030280', 'false'],
      ['bad_name.com', 'error', '2011166', 'false'],
    ]);
    expect(rows[0]).toMatchObject({ '@_PremiumRegistrationPrice': '0', '@_IcannFee': '0', '@_EapFee': '0' });
    expect(rows[3]).toMatchObject({
      '@_PremiumRegistrationPrice': '1200.0000',
      '@_PremiumRenewalPrice': '1200.0000',
      '@_PremiumRestorePrice': '80.0000',
      '@_PremiumTransferPrice': '1200.0000',
      '@_EapFee': '0.0000',
    });
  });

  it('takes up to 50 names per call; 51 is error 2011169', async () => {
    const emulator = await start();
    const names = Array.from({ length: 51 }, (_, i) => `free-${i}.com`);
    const fifty = await nc(emulator, 'namecheap.domains.check', { DomainList: names.slice(0, 50).join(',') });
    expect(fifty.command.DomainCheckResult).toHaveLength(50);
    const over = await nc(emulator, 'namecheap.domains.check', { DomainList: names.join(',') });
    expect(over.errors).toEqual([
      { number: '2011169', text: 'Only 50 domains are allowed in a single check command' },
    ]);
  });
});

describe('Namecheap emulator: domains.create', () => {
  it('registers with inline contacts, charges years × price to the ledger, and seeds the parking rows', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.create', {
      DomainName: 'available-name.com',
      Years: 2,
      AddFreeWhoisguard: 'yes',
      WGEnabled: 'yes',
      ...contactParams(),
    });
    expect(res.ok, JSON.stringify(res.errors)).toBe(true);
    expect(res.command.DomainCreateResult).toEqual({
      '@_Domain': 'available-name.com',
      '@_Registered': 'true',
      '@_ChargedAmount': '25.9800',
      '@_DomainID': '500004',
      '@_OrderID': '22001',
      '@_TransactionID': '51001',
      '@_WhoisguardEnable': 'true',
      '@_NonRealTimeDomain': 'false',
    });
    expect(emulator.ledger).toEqual([
      expect.objectContaining({
        operation: 'register',
        domain: 'available-name.com',
        amount: '25.98',
        currency: 'USD',
      }),
    ]);
    expect(emulator.ledger[0]!.requestSeq).toBe(emulator.requests.at(-1)!.seq);
    const info = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'available-name.com' });
    expect(info.command.DomainGetInfoResult).toMatchObject({
      DomainDetails: { CreatedDate: '06/01/2026', ExpiredDate: '06/01/2028' },
      Whoisguard: { '@_Enabled': 'True', EmailDetails: { '@_ForwardedTo': 'ada@example.org' } },
      DnsDetails: { '@_EmailType': 'NONE', '@_HostCount': '2' },
    });
    const contacts = await nc(emulator, 'namecheap.domains.getContacts', {
      DomainName: 'available-name.com',
    });
    expect(contacts.command.DomainContactsResult.AuxBilling.FirstName).toBe('Ada');
    expect(
      (await nc(emulator, 'namecheap.domains.check', { DomainList: 'available-name.com' })).command
        .DomainCheckResult[0]['@_Available'],
    ).toBe('false');
  });

  it('custom Nameservers at create put the domain on custom DNS; the ICANN fee option is charged per year', async () => {
    const emulator = await start({ icannFee: '0.18' });
    const res = await nc(emulator, 'namecheap.domains.create', {
      DomainName: 'custom-ns.com',
      Years: 3,
      Nameservers: 'ns1.example.net,ns2.example.net',
      ...contactParams(),
    });
    expect(res.command.DomainCreateResult['@_ChargedAmount']).toBe('39.5100');
    const list = await nc(emulator, 'namecheap.domains.dns.getList', { SLD: 'custom-ns', TLD: 'com' });
    expect(list.command.DomainDNSGetListResult['@_IsUsingOurDNS']).toBe('false');
  });

  it('refuses, charging nothing: taken names, unsupported TLDs, bad years, missing contacts, privacy rules', async () => {
    const emulator = await start();
    const base = { Years: 1, ...contactParams() };
    const cases: [Record<string, string | number>, string][] = [
      [{ ...base, DomainName: 'registered-name.com' }, '3019166'],
      [{ ...base, DomainName: FIRST }, '3019166'],
      [{ ...base, DomainName: 'name.unknowntld' }, '2030280'],
      [{ ...base, DomainName: 'fresh.com', Years: 11 }, '2015167'],
      [{ ...contactParams(), DomainName: 'fresh.com' }, '2010100'],
      [{ ...base, DomainName: 'fresh.com', RegistrantFirstName: '' }, '2010324'],
      [{ ...base, DomainName: 'fresh.com', WGEnabled: 'yes' }, '2033407'],
      [
        {
          ...base,
          DomainName: 'fresh.us',
          AddFreeWhoisguard: 'yes',
          RegistrantNexus: 'C11',
          RegistrantPurpose: 'P1',
        },
        '2011280',
      ],
      [{ ...base, DomainName: 'fresh.com', Nameservers: '192.0.2.1' }, '2011168'],
    ];
    for (const [params, number] of cases) {
      const res = await nc(emulator, 'namecheap.domains.create', params);
      expect(res.errors[0]?.number, JSON.stringify(params.DomainName)).toBe(number);
    }
    expect(emulator.ledger).toEqual([]);
  });

  it('checks the extended attributes of .us, .ca and .co.uk', async () => {
    const emulator = await start();
    const base = { Years: 1, ...contactParams() };
    const us = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      DomainName: 'nexus.us',
      RegistrantPurpose: 'P1',
    });
    expect(us.errors).toEqual([{ number: '2011322', text: 'Extended attribute RegistrantNexus is missing' }]);
    const ca = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      DomainName: 'maple.ca',
      CIRALegalType: 'CCT',
      CIRAWhoisDisplay: 'Private',
      CIRAAgreementVersion: '1.0',
      CIRAAgreementValue: 'Y',
    });
    expect(ca.errors).toEqual([
      { number: '2011322', text: 'Extended attribute CIRAAgreementVersion is not valid' },
    ]);
    const uk = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      DomainName: 'tea.co.uk',
      COUKLegalType: 'IND',
    });
    expect(uk.errors[0]!.number).toBe('2011322');
    const ok = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      DomainName: 'maple.ca',
      CIRALegalType: 'CCT',
      CIRAWhoisDisplay: 'Private',
      CIRAAgreementVersion: '2.0',
      CIRAAgreementValue: 'Y',
    });
    expect(ok.ok).toBe(true);
    expect(emulator.ledger.map((e) => [e.domain, e.amount])).toEqual([['maple.ca', '11.98']]);
  });

  it('a premium name needs IsPremiumDomain and the quoted PremiumPrice', async () => {
    const emulator = await start();
    const base = { DomainName: 'premium-name.com', Years: 1, ...contactParams() };
    expect((await nc(emulator, 'namecheap.domains.create', base)).errors[0]!.number).toBe('2515623');
    const wrong = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      IsPremiumDomain: 'True',
      PremiumPrice: '999.00',
    });
    expect(wrong.errors).toEqual([{ number: '2515610', text: 'Prices do not match' }]);
    const regular = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      DomainName: 'regular.com',
      IsPremiumDomain: 'true',
      PremiumPrice: '12.99',
    });
    expect(regular.errors[0]!.number).toBe('2515623');
    const ok = await nc(emulator, 'namecheap.domains.create', {
      ...base,
      IsPremiumDomain: 'True',
      PremiumPrice: '1200.0000',
    });
    expect(ok.command.DomainCreateResult['@_ChargedAmount']).toBe('1200.0000');
    expect(emulator.ledger.map((e) => e.amount)).toEqual(['1200.00']);
  });

  it('refuses an order the balance cannot pay with 2528166', async () => {
    const emulator = await start({ balance: '10.00' });
    const res = await nc(emulator, 'namecheap.domains.create', {
      DomainName: 'fresh.com',
      Years: 1,
      ...contactParams(),
    });
    expect(res.errors[0]!.number).toBe('2528166');
    expect(emulator.ledger).toEqual([]);
    const balances = await nc(emulator, 'namecheap.users.getBalances');
    expect(balances.command.UserGetBalancesResult).toMatchObject({
      '@_Currency': 'USD',
      '@_AvailableBalance': '10.00',
    });
  });
});

describe('Namecheap emulator: domains.renew and domains.reactivate', () => {
  it('renew adds years to the expiry and charges years × renew price', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.renew', { DomainName: FIRST, Years: 2 });
    expect(res.command.DomainRenewResult).toMatchObject({
      '@_DomainName': FIRST,
      '@_DomainID': '500001',
      '@_Renew': 'true',
      '@_ChargedAmount': '25.9800',
      DomainDetails: { ExpiredDate: '1/15/2032 12:00:00 AM', NumYears: '0' },
    });
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['renew', FIRST, '25.98'],
    ]);
  });

  it('renew refuses an expired domain (2020166), a domain not in the account (2019166), bad years (2015167)', async () => {
    const emulator = await start();
    emulator.state.expireDomain(FIRST);
    expect((await nc(emulator, 'namecheap.domains.renew', { DomainName: FIRST, Years: 1 })).errors).toEqual([
      { number: '2020166', text: 'Domain has expired. Please reactivate your domain.' },
    ]);
    expect(
      (await nc(emulator, 'namecheap.domains.renew', { DomainName: 'other.com', Years: 1 })).errors[0]!
        .number,
    ).toBe('2019166');
    expect(
      (await nc(emulator, 'namecheap.domains.renew', { DomainName: 'test-domain-2.com', Years: 0 }))
        .errors[0]!.number,
    ).toBe('2015167');
    expect(emulator.ledger).toEqual([]);
  });

  it('reactivate brings an expired domain back and charges the reactivate price; refuses a live one', async () => {
    const emulator = await start();
    expect(
      (await nc(emulator, 'namecheap.domains.reactivate', { DomainName: FIRST })).errors[0]!.number,
    ).toBe('2020166');
    emulator.state.expireDomain(FIRST);
    const res = await nc(emulator, 'namecheap.domains.reactivate', { DomainName: FIRST });
    expect(res.command.DomainReactivateResult).toMatchObject({
      '@_Domain': FIRST,
      '@_IsSuccess': 'true',
      '@_ChargedAmount': '80.0000',
    });
    expect(emulator.ledger.map((e) => [e.operation, e.amount])).toEqual([['restore', '80.00']]);
    const info = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: FIRST });
    expect(info.command.DomainGetInfoResult['@_Status']).toBe('Ok');
  });

  it('a premium domain renews for 1 year only, with its premium price', async () => {
    const emulator = await start();
    await nc(emulator, 'namecheap.domains.create', {
      DomainName: 'premium-name.com',
      Years: 1,
      IsPremiumDomain: 'true',
      PremiumPrice: '1200.00',
      ...contactParams(),
    });
    const two = await nc(emulator, 'namecheap.domains.renew', { DomainName: 'premium-name.com', Years: 2 });
    expect(two.errors).toEqual([
      { number: '2015167', text: 'Premium domain can be renewed for 1 year only' },
    ]);
    const missingPrice = await nc(emulator, 'namecheap.domains.renew', {
      DomainName: 'premium-name.com',
      Years: 1,
    });
    expect(missingPrice.errors[0]!.number).toBe('2515623');
    const ok = await nc(emulator, 'namecheap.domains.renew', {
      DomainName: 'premium-name.com',
      Years: 1,
      IsPremiumDomain: 'true',
      PremiumPrice: '1200.0000',
    });
    expect(ok.ok).toBe(true);
  });
});

describe('Namecheap emulator: transfers', () => {
  it('transfer.create charges one year and the transfer moves queued → initiated → completed on reads', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.transfer.create', {
      DomainName: 'registered-name.com',
      Years: 1,
      EPPCode: 'base64:' + Buffer.from('a&b"c').toString('base64'),
    });
    expect(res.command.DomainTransferCreateResult).toEqual({
      '@_Domainname': 'registered-name.com',
      '@_Transfer': 'true',
      '@_TransferID': '15',
      '@_StatusID': '-1',
      '@_OrderID': '22001',
      '@_TransactionID': '51001',
      '@_ChargedAmount': '12.99',
      '@_StatusCode': '2',
    });
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['transfer', 'registered-name.com', '12.99'],
    ]);
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const status = await nc(emulator, 'namecheap.domains.transfer.getStatus', { TransferID: 15 });
      const row = status.command.DomainTransferGetStatusResult;
      statuses.push(`${row['@_StatusID']} ${row['@_Status']}`);
    }
    expect(statuses).toEqual([
      '14 Transfer initiated, awaiting release from the losing registrar',
      '5 Transferred and paid successfully',
      '5 Transferred and paid successfully',
    ]);
    expect(emulator.state.domains.has('registered-name.com')).toBe(true);
  });

  it('ends cancelled for a rejected EPP code (32), a name nobody holds (20) or one already in the account (21)', async () => {
    const emulator = await start();
    const outcomes: string[] = [];
    for (const [name, code] of [
      ['registered-name.com', 'invalid-auth-code'],
      ['available-name.com', 'x'],
      [FIRST, 'x'],
    ] as const) {
      const created = await nc(emulator, 'namecheap.domains.transfer.create', {
        DomainName: name,
        Years: 1,
        EPPCode: code,
      });
      const id = created.command.DomainTransferCreateResult['@_TransferID'];
      const status = await nc(emulator, 'namecheap.domains.transfer.getStatus', { TransferID: id });
      outcomes.push(status.command.DomainTransferGetStatusResult['@_StatusID']);
    }
    expect(outcomes).toEqual(['32', '20', '21']);
  });

  it('refuses Years other than 1, a missing EPPCode, a TLD not transferable by API, an unknown TransferID', async () => {
    const emulator = await start();
    const create = (params: Record<string, string | number>) =>
      nc(emulator, 'namecheap.domains.transfer.create', {
        DomainName: 'registered-name.com',
        Years: 1,
        EPPCode: 'x',
        ...params,
      });
    expect((await create({ Years: 2 })).errors[0]!.number).toBe('2015167');
    expect(
      (
        await nc(emulator, 'namecheap.domains.transfer.create', {
          DomainName: 'registered-name.com',
          Years: 1,
        })
      ).errors[0]!.number,
    ).toBe('2010100');
    expect((await create({ DomainName: 'someone.io' })).errors).toEqual([
      { number: '2030280', text: 'TLD is not supported in API' },
    ]);
    expect(emulator.ledger).toEqual([]);
    const unknown = await nc(emulator, 'namecheap.domains.transfer.getStatus', { TransferID: 999 });
    expect(unknown.errors).toEqual([{ number: '4019329', text: 'TransferStatus not available' }]);
  });

  it('transfer.getList lists transfers with category Status, filtered by ListType, with paging', async () => {
    const emulator = await start({ transferAdvance: 'manual' });
    await nc(emulator, 'namecheap.domains.transfer.create', {
      DomainName: 'registered-name.com',
      Years: 1,
      EPPCode: 'x',
    });
    await nc(emulator, 'namecheap.domains.transfer.create', {
      DomainName: 'other-name.net',
      Years: 1,
      EPPCode: 'x',
    });
    emulator.state.setTransferStatus(16, 20);
    const all = await nc(emulator, 'namecheap.domains.transfer.getList');
    expect(
      all.command.TransferGetListResult.Transfer.map((t: Row) => [
        t['@_Domainname'],
        t['@_Status'],
        t['@_StatusID'],
      ]),
    ).toEqual([
      ['other-name.net', 'CANCELLED', '20'],
      ['registered-name.com', 'INPROGRESS', '-1'],
    ]);
    expect(all.command.Paging).toEqual({ TotalItems: '2', CurrentPage: '1', PageSize: '10' });
    const progress = await nc(emulator, 'namecheap.domains.transfer.getList', { ListType: 'INPROGRESS' });
    expect(progress.command.TransferGetListResult.Transfer).toHaveLength(1);
    expect(
      (await nc(emulator, 'namecheap.domains.transfer.getList', { ListType: 'SOME' })).errors[0]!.number,
    ).toBe('2011272');
  });
});

describe('Namecheap emulator: users.getPricing', () => {
  it('answers the live shape: lower-case names, per-year Price rows for 1–10 years, the misspelt YourAdditonalCost', async () => {
    const emulator = await start({ icannFee: '0.18' });
    const res = await nc(emulator, 'namecheap.users.getPricing', {
      ProductType: 'DOMAIN',
      ActionName: 'REGISTER',
      ProductName: 'COM',
    });
    const type = res.command.UserGetPricingResult.ProductType;
    expect(type['@_Name']).toBe('domains');
    expect(type.ProductCategory.map((c: Row) => c['@_Name'])).toEqual(['register']);
    const product = type.ProductCategory[0].Product;
    expect(product.map((p: Row) => p['@_Name'])).toEqual(['com']);
    const prices = product[0].Price as Row[];
    expect(prices.map((p) => p['@_Duration'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(prices[4]).toEqual({
      '@_Duration': '5',
      '@_DurationType': 'YEAR',
      '@_Price': '12.99',
      '@_PricingType': 'MULTIPLE',
      '@_AdditionalCost': '0.18',
      '@_RegularPrice': '12.99',
      '@_RegularPriceType': 'MULTIPLE',
      '@_RegularAdditionalCost': '0.18',
      '@_RegularAdditionalCostType': 'MULTIPLE',
      '@_YourPrice': '12.99',
      '@_YourPriceType': 'MULTIPLE',
      '@_YourAdditonalCost': '0.18',
      '@_YourAdditonalCostType': 'MULTIPLE',
      '@_PromotionPrice': '0.0',
      '@_Currency': 'USD',
    });
  });

  it('without ActionName/ProductName: every action and TLD; transfer only for one year; ccTLDs without the fee', async () => {
    const emulator = await start({ icannFee: '0.18' });
    const res = await nc(emulator, 'namecheap.users.getPricing', { ProductType: 'domain' });
    const categories = res.command.UserGetPricingResult.ProductType.ProductCategory as {
      '@_Name': string;
      Product: { '@_Name': string; Price: Row[] }[];
    }[];
    expect(categories.map((c) => c['@_Name'])).toEqual(['register', 'renew', 'reactivate', 'transfer']);
    expect(categories[0]!.Product.map((p) => p['@_Name'])).toEqual(
      Object.keys(emulator.seedInfo.tldPrices).sort(),
    );
    const transfer = categories[3]!.Product.find((p) => p['@_Name'] === 'com')!;
    expect(transfer.Price.map((p) => p['@_Duration'])).toEqual(['1']);
    const io = categories[0]!.Product.find((p) => p['@_Name'] === 'io')!;
    expect(io.Price[0]).toMatchObject({ '@_Price': '39.00', '@_AdditionalCost': '0.00' });
    const reactivate = categories[2]!.Product.find((p) => p['@_Name'] === 'com')!;
    expect(reactivate.Price[0]!['@_Price']).toBe('80.00');
  });

  it('refuses a missing or unknown ProductType', async () => {
    const emulator = await start();
    expect((await nc(emulator, 'namecheap.users.getPricing')).errors[0]!.number).toBe('2010100');
    expect((await nc(emulator, 'namecheap.users.getPricing', { ProductType: 'HOSTING' })).errors).toEqual([
      { number: '2011298', text: 'ProductType is invalid' },
    ]);
  });
});
