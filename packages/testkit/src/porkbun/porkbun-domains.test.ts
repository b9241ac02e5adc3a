/** Porkbun emulator: listAll, get, auto-renew, nameservers, contacts, API-access opt-in. */
import { describe, expect, it } from 'vitest';
import { porkbunEmulators } from './porkbun-test-client.js';

const start = porkbunEmulators();

describe('Porkbun emulator: /domain/listAll', () => {
  it('lists the seeded portfolio by expiry with observed flag types ("1" strings next to integers)', async () => {
    const { api, emulator } = await start();
    const res = await api.post('/domain/listAll');
    expect(res.json.count).toBe(3);
    expect(res.json.domains.map((d: { domain: string }) => d.domain)).toEqual(emulator.seedInfo.ownedDomains);
    expect(res.json.domains[0]).toEqual({
      domain: 'test-domain-1.com',
      status: 'ACTIVE',
      tld: 'com',
      createDate: '2024-01-15 00:00:00',
      expireDate: '2030-01-15 00:00:00',
      securityLock: '1',
      whoisPrivacy: '1',
      autoRenew: 0,
      apiAccess: 1,
      notLocal: 0,
    });
  });

  it('answers integer flags with responseShapes spec, and labels only with includeLabels=yes', async () => {
    const { api } = await start({ responseShapes: 'spec' });
    const res = await api.post('/domain/listAll', { includeLabels: 'yes' });
    expect(res.json.domains[0]).toMatchObject({ securityLock: 1, whoisPrivacy: 1, autoRenew: 0 });
    expect(res.json.domains[0].labels).toEqual([{ id: '27240', title: 'seeded', color: '#ff9e9e' }]);
    expect(res.json.domains[1].labels).toEqual([]);
  });

  it('pages by start offset (page size as set) until a short page', async () => {
    const { api } = await start({ seed: { domains: 5 }, pageSize: 2 });
    const names: string[] = [];
    const counts: number[] = [];
    for (let start = 0; ; start += 2) {
      const page = await api.post('/domain/listAll', { start });
      counts.push(page.json.count);
      names.push(...page.json.domains.map((d: { domain: string }) => d.domain));
      if (page.json.count < 2) break;
    }
    expect(counts).toEqual([2, 2, 1]);
    expect(names).toEqual([
      'test-domain-1.com',
      'test-domain-2.com',
      'test-domain-3.com',
      'test-domain-4.com',
      'xn--bcher-kva.com',
    ]);
  });

  it('filters (domain, nameContains, tlds, apiAccess, autoRenew) and sorts, in the body or the GET query', async () => {
    const { api } = await start({ seed: { domains: 4 }, apiAccessDisabled: ['test-domain-2.com'] });
    const names = async (body: Record<string, unknown>) =>
      (await api.post('/domain/listAll', body)).json.domains.map((d: { domain: string }) => d.domain);
    expect(await names({ domain: 'TEST-DOMAIN-3.com' })).toEqual(['test-domain-3.com']);
    expect(await names({ nameContains: 'bcher' })).toEqual(['xn--bcher-kva.com']);
    expect(await names({ tlds: ['net'] })).toEqual([]);
    expect(await names({ apiAccess: 'no' })).toEqual(['test-domain-2.com']);
    expect(await names({ autoRenew: 'yes' })).toEqual([]);
    expect(await names({ sortName: 'domain', sortDirection: 'desc' })).toEqual([
      'xn--bcher-kva.com',
      'test-domain-3.com',
      'test-domain-2.com',
      'test-domain-1.com',
    ]);
    const viaGet = await api.get('/domain/listAll?domain=test-domain-1.com');
    expect(viaGet.json.domains.map((d: { domain: string }) => d.domain)).toEqual(['test-domain-1.com']);
    expect((await api.post('/domain/listAll', { sortName: 'price' })).json.code).toBe('INVALID_INPUT');
  });
});

describe('Porkbun emulator: /domain/get', () => {
  it('returns one domain, and 404 DOMAIN_NOT_FOUND for a domain outside the account', async () => {
    const { api } = await start();
    const res = await api.get('/domain/get/test-domain-2.com');
    expect(res.json).toMatchObject({
      status: 'SUCCESS',
      domain: { domain: 'test-domain-2.com', apiAccess: 1 },
    });
    const missing = await api.get('/domain/get/not-mine.com');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({
      code: 'DOMAIN_NOT_FOUND',
      message: 'Domain not found in your account.',
    });
  });
});

describe('Porkbun emulator: /domain/updateAutoRenew', () => {
  it('sets the flag per domain and reports each domain, the path domain merged with domains[]', async () => {
    const { api } = await start({ apiAccessDisabled: ['test-domain-2.com'] });
    const res = await api.post('/domain/updateAutoRenew/test-domain-1.com', {
      status: 'on',
      domains: ['test-domain-2.com', 'not-mine.com'],
    });
    expect(res.json.status).toBe('SUCCESS');
    expect(res.json.results).toEqual({
      'test-domain-1.com': { status: 'SUCCESS', message: 'Auto-renew enabled.' },
      'test-domain-2.com': { status: 'ERROR', message: 'Domain is not opted in to API access.' },
      'not-mine.com': { status: 'ERROR', message: 'Domain is not in your account.' },
    });
    expect((await api.get('/domain/get/test-domain-1.com')).json.domain.autoRenew).toBe(1);
    const bodyOnly = await api.post('/domain/updateAutoRenew', {
      status: 'off',
      domains: ['test-domain-1.com'],
    });
    expect(bodyOnly.json.results['test-domain-1.com'].message).toBe('Auto-renew disabled.');
    expect((await api.post('/domain/updateAutoRenew/test-domain-1.com', { status: 'maybe' })).json.code).toBe(
      'INVALID_INPUT',
    );
    expect((await api.post('/domain/updateAutoRenew/test-domain-1.com', {})).json.code).toBe(
      'MISSING_PARAMETER',
    );
  });
});

describe('Porkbun emulator: nameservers', () => {
  it('starts with Porkbun NS, replaces the whole set, reads it back as an unordered (sorted) set', async () => {
    const { api } = await start();
    expect((await api.get('/domain/getNs/test-domain-1.com')).json.ns).toEqual([
      'curitiba.ns.porkbun.com',
      'fortaleza.ns.porkbun.com',
      'maceio.ns.porkbun.com',
      'salvador.ns.porkbun.com',
    ]);
    const set = await api.post('/domain/updateNs/test-domain-1.com', {
      ns: ['ns2.example.net', 'NS1.example.net.'],
    });
    expect(set.json).toEqual({ status: 'SUCCESS', requestId: expect.any(String) });
    expect((await api.post('/domain/getNs/test-domain-1.com')).json.ns).toEqual([
      'ns1.example.net',
      'ns2.example.net',
    ]);
  });

  it('validates the list, and dryRun changes nothing', async () => {
    const { api } = await start();
    expect((await api.post('/domain/updateNs/test-domain-1.com', {})).json.code).toBe('MISSING_PARAMETER');
    expect((await api.post('/domain/updateNs/test-domain-1.com', { ns: [] })).json.code).toBe(
      'INVALID_INPUT',
    );
    expect((await api.post('/domain/updateNs/test-domain-1.com', { ns: ['not a host'] })).json.code).toBe(
      'INVALID_INPUT',
    );
    const dry = await api.post('/domain/updateNs/test-domain-1.com', {
      ns: ['ns1.example.net'],
      dryRun: true,
    });
    expect(dry.json).toMatchObject({ status: 'SUCCESS', dryRun: true, wouldSucceed: true });
    expect((await api.get('/domain/getNs/test-domain-1.com')).json.ns).toHaveLength(4);
  });
});

describe('Porkbun emulator: per-domain contacts', () => {
  const contact = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    address1: '12 St James Square',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'GB',
    phone: '2079460000',
    phoneCountryCode: '44',
    email: 'ada@example.org',
  };

  it('reads the four roles and updates a subset, reporting whether the registrant changed', async () => {
    const { api } = await start();
    const before = await api.get('/domain/getContacts/test-domain-1.com');
    expect(Object.keys(before.json.contacts)).toEqual(['registrant', 'admin', 'tech', 'billing']);
    const tech = await api.post('/domain/updateContacts/test-domain-1.com', { contacts: { tech: contact } });
    expect(tech.json).toMatchObject({ status: 'SUCCESS', registrantChanged: false });
    const all = await api.post('/domain/updateContacts/test-domain-1.com', { contact });
    expect(all.json.registrantChanged).toBe(true);
    const after = await api.post('/domain/getContacts/test-domain-1.com');
    expect(after.json.contacts.billing).toEqual({
      ...contact,
      organization: '',
      address2: '',
      address3: '',
      state: '',
      fax: '',
    });
  });

  it('refuses a role without its required fields and an unknown role', async () => {
    const { api } = await start();
    const { email: _e, ...noEmail } = contact;
    const missing = await api.post('/domain/updateContacts/test-domain-1.com', {
      contacts: { admin: noEmail },
    });
    expect(missing.json).toMatchObject({
      code: 'MISSING_PARAMETER',
      message: 'Missing contact fields for admin: email.',
    });
    expect(
      (await api.post('/domain/updateContacts/test-domain-1.com', { contacts: { owner: contact } })).json
        .code,
    ).toBe('INVALID_INPUT');
  });
});

describe('Porkbun emulator: API access opt-in', () => {
  it('refuses every per-domain endpoint for a domain not opted in, while listAll and get still show it', async () => {
    const { api } = await start({ apiAccessDisabled: ['test-domain-1.com'] });
    const calls = [
      () => api.post('/dns/retrieve/test-domain-1.com'),
      () => api.post('/dns/create/test-domain-1.com', { type: 'A', content: '192.0.2.9' }),
      () => api.post('/dns/getDnssecRecords/test-domain-1.com'),
      () => api.post('/domain/getNs/test-domain-1.com'),
      () => api.post('/domain/updateNs/test-domain-1.com', { ns: ['ns1.example.net'] }),
      () => api.get('/domain/getContacts/test-domain-1.com'),
      () => api.post('/domain/renew/test-domain-1.com', { cost: 1299 }),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status, res.path).toBe(400);
      expect(res.json.code, res.path).toBe('API_ACCESS_DISABLED');
    }
    expect((await api.get('/domain/get/test-domain-1.com')).json.domain.apiAccess).toBe(0);
  });
});
