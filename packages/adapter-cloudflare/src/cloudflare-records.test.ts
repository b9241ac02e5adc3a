import {
  applyPlan,
  ConflictError,
  NotFoundError,
  planRecords,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { api, requestIssues, setup, zoneId } from './test/cloudflare-fixture.js';

const ZONE = 'test-domain-1.com';

describe('Cloudflare records', () => {
  it('creates records with the bodies Cloudflare wants (FQDN, quoted TXT, SRV/CAA data, automatic TTL) and maps them back', async () => {
    const { emulator, cloudflare, sent, mark } = await setup();
    const id = await zoneId(emulator, ZONE);
    await cloudflare.listRecords(ZONE)[Symbol.asyncIterator]().next();
    mark();
    const txt = await cloudflare.createRecord(ZONE, { type: 'TXT', name: '@', content: 'v=spf1 -all' });
    const long = await cloudflare.createRecord(ZONE, {
      type: 'TXT',
      name: 'long',
      content: 'a'.repeat(300),
      ttl: 3600,
    });
    const srv = await cloudflare.createRecord(ZONE, {
      type: 'SRV',
      name: '_sip._tcp',
      content: '5 5060 SIP.example.net.',
      priority: 10,
      ttl: 600,
    });
    const caa = await cloudflare.createRecord(ZONE, {
      type: 'CAA',
      name: '@',
      content: '0 issue "letsencrypt.org"',
    });
    const mx = await cloudflare.createRecord(ZONE, {
      type: 'MX',
      name: 'mail',
      content: 'mx.example.net',
      priority: 5,
    });
    expect(sent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: `/zones/${id}/dns_records`,
        body: { type: 'TXT', name: ZONE, content: '"v=spf1 -all"', ttl: 1 },
      },
      {
        method: 'POST',
        path: `/zones/${id}/dns_records`,
        body: {
          type: 'TXT',
          name: `long.${ZONE}`,
          content: `"${'a'.repeat(255)}" "${'a'.repeat(45)}"`,
          ttl: 3600,
        },
      },
      {
        method: 'POST',
        path: `/zones/${id}/dns_records`,
        body: {
          type: 'SRV',
          name: `_sip._tcp.${ZONE}`,
          data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.net' },
          ttl: 600,
        },
      },
      {
        method: 'POST',
        path: `/zones/${id}/dns_records`,
        body: { type: 'CAA', name: ZONE, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' }, ttl: 1 },
      },
      {
        method: 'POST',
        path: `/zones/${id}/dns_records`,
        body: { type: 'MX', name: `mail.${ZONE}`, content: 'mx.example.net', priority: 5, ttl: 1 },
      },
    ]);
    expect(txt).toMatchObject({ name: '@', fqdn: ZONE, content: 'v=spf1 -all', ttl: 300, priority: null });
    expect((txt.raw as { ttl: number }).ttl).toBe(1);
    expect(long).toMatchObject({ name: 'long', content: 'a'.repeat(300), ttl: 3600 });
    expect(srv).toMatchObject({
      name: '_sip._tcp',
      content: '5 5060 sip.example.net',
      priority: 10,
      ttl: 600,
    });
    expect(caa).toMatchObject({ name: '@', content: '0 issue "letsencrypt.org"', priority: null });
    expect(mx).toMatchObject({ name: 'mail', content: 'mx.example.net', priority: 5 });
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('reads TXT content quoted or unquoted (the API stores what it was sent) as the same plain value', async () => {
    const { emulator, cloudflare } = await setup();
    const id = await zoneId(emulator, ZONE);
    await api(emulator, 'POST', `/zones/${id}/dns_records`, {
      type: 'TXT',
      name: 'plain',
      content: 'hello world',
    });
    await api(emulator, 'POST', `/zones/${id}/dns_records`, {
      type: 'TXT',
      name: 'quoted',
      content: '"hello " "world"',
    });
    const records = await toArray(cloudflare.listRecords(ZONE));
    expect(records.filter((r) => r.type === 'TXT' && r.name !== '@').map((r) => [r.name, r.content])).toEqual(
      [
        ['plain', 'hello world'],
        ['quoted', 'hello world'],
      ],
    );
  });

  it('leaves out record types the model does not have', async () => {
    const { emulator, cloudflare } = await setup();
    const id = await zoneId(emulator, ZONE);
    const https = await api(emulator, 'POST', `/zones/${id}/dns_records`, {
      type: 'HTTPS',
      name: 'svc',
      data: { priority: 1, target: '.', value: 'alpn="h2"' },
    });
    expect(https.status).toBe(200);
    const records = await toArray(cloudflare.listRecords(ZONE));
    expect(records.map((r) => r.id)).not.toContain(https.json.result.id);
    expect(records.length).toBeGreaterThan(0);
  });

  it('updates through PATCH with only the changed fields (SRV data sent whole)', async () => {
    const { emulator, cloudflare, sent, mark } = await setup();
    const id = await zoneId(emulator, ZONE);
    const srv = await cloudflare.createRecord(ZONE, {
      type: 'SRV',
      name: '_sip._tcp',
      content: '5 5060 sip.example.net',
      priority: 10,
      ttl: 600,
    });
    const a = await cloudflare.createRecord(ZONE, {
      type: 'A',
      name: 'web',
      content: '192.0.2.1',
      ttl: 3600,
    });
    mark();
    const moved = await cloudflare.updateRecord(ZONE, srv.id, { priority: 20 });
    const changed = await cloudflare.updateRecord(ZONE, a.id, { content: '192.0.2.99' });
    expect(
      sent()
        .filter((r) => r.method !== 'GET')
        .map(({ method, path, body }) => ({ method, path, body })),
    ).toEqual([
      {
        method: 'PATCH',
        path: `/zones/${id}/dns_records/${srv.id}`,
        body: { data: { priority: 20, weight: 5, port: 5060, target: 'sip.example.net' } },
      },
      { method: 'PATCH', path: `/zones/${id}/dns_records/${a.id}`, body: { content: '192.0.2.99' } },
    ]);
    expect(moved).toMatchObject({ content: '5 5060 sip.example.net', priority: 20, ttl: 600 });
    expect(changed).toMatchObject({ name: 'web', content: '192.0.2.99', ttl: 3600 });
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('refuses malformed record ids before sending and maps an unknown record to NotFoundError', async () => {
    const { cloudflare, sent, mark } = await setup();
    mark();
    await expect(cloudflare.deleteRecord(ZONE, '../x')).rejects.toBeInstanceOf(ValidationError);
    await expect(cloudflare.updateRecord(ZONE, 'nope', { ttl: 600 })).rejects.toBeInstanceOf(ValidationError);
    expect(sent()).toEqual([]);
    const error = await cloudflare.deleteRecord(ZONE, 'f'.repeat(32)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: 'record_not_found',
      status: 404,
      provider: 'cloudflare',
      operation: 'deleteRecord',
    });
  });

  it('lists page by page with per_page and page', async () => {
    const { cloudflare, sent, mark } = await setup({ seed: { domains: 1, recordsPerDomain: 5 } });
    await cloudflare.getZone(ZONE);
    mark();
    const records = await toArray(cloudflare.listRecords(ZONE, { pageSize: 2, concurrency: 1 }));
    expect(records).toHaveLength(5);
    expect(sent().map((r) => r.query)).toEqual([
      { page: '1', per_page: '2' },
      { page: '2', per_page: '2' },
      { page: '3', per_page: '2' },
    ]);
  });

  it('sets the proxy flag, comment and tags, kept in raw', async () => {
    const { cloudflare, sent, mark } = await setup();
    const a = await cloudflare.createRecord(ZONE, { type: 'A', name: 'web', content: '192.0.2.1' });
    mark();
    const set = await cloudflare.setRecordSettings(ZONE, a.id, {
      proxied: true,
      comment: 'web server',
      tags: ['team:web'],
    });
    expect(sent()[0]!.body).toEqual({ proxied: true, comment: 'web server', tags: ['team:web'] });
    expect(set.raw).toMatchObject({ proxied: true, comment: 'web server', tags: ['team:web'] });
  });
});

describe('Cloudflare batch: createRecords and applyPlan', () => {
  it('applies a plan in one all-or-nothing batch: a CNAME replaced by an A at the same name', async () => {
    const { emulator, cloudflare, sent, mark } = await setup();
    const id = await zoneId(emulator, ZONE);
    const current = await toArray(cloudflare.listRecords(ZONE));
    const desired = current
      .filter((r) => !(r.type === 'CNAME' && r.name === 'www'))
      .map(({ type, name, content, ttl, priority }) => ({ type, name, content, ttl, priority }));
    desired.push({ type: 'A', name: 'www', content: '192.0.2.80', ttl: 3600, priority: null });
    const plan = planRecords(current, desired, { purge: true });
    expect(plan.deletes).toHaveLength(1);
    mark();
    const report = await applyPlan(cloudflare, ZONE, plan);
    const www = current.find((r) => r.name === 'www')!;
    expect(sent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: `/zones/${id}/dns_records/batch`,
        body: {
          deletes: [{ id: www.id }],
          patches: [],
          posts: [{ type: 'A', name: `www.${ZONE}`, content: '192.0.2.80', ttl: 3600 }],
        },
      },
    ]);
    expect(report).toMatchObject({
      deleted: [www],
      updated: [],
      failures: [],
      atomic: { batches: 1, limit: 200 },
    });
    expect(report.created).toMatchObject([{ type: 'A', name: 'www', content: '192.0.2.80' }]);
    expect(
      (await toArray(cloudflare.listRecords(ZONE))).filter((r) => r.name === 'www').map((r) => r.type),
    ).toEqual(['A']);
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('a failing batch leaves the zone unchanged and reports every change of it as failed', async () => {
    const { emulator, cloudflare } = await setup({ seed: { domains: 1, recordsPerDomain: 4 } });
    const before = await toArray(cloudflare.listRecords(ZONE));
    const apexA = before.find((r) => r.type === 'A' && r.name === '@')!;
    const txt = before.find((r) => r.type === 'TXT')!;
    const plan = {
      deletes: [txt],
      updates: [
        { record: apexA, patch: { content: '192.0.2.200' }, desired: { ...apexA, content: '192.0.2.200' } },
      ],
      // An A next to the seeded CNAME www: valid locally, refused by Cloudflare (81053).
      creates: [
        { type: 'A' as const, name: 'fine', content: '192.0.2.1', ttl: 3600 },
        { type: 'A' as const, name: 'www', content: '192.0.2.2', ttl: 3600 },
      ],
    };
    const report = await applyPlan(cloudflare, ZONE, plan);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.deleted).toEqual([]);
    expect(report.atomic).toEqual({ batches: 1, limit: 200 });
    expect(report.failures.map((f) => f.change)).toEqual(['delete', 'update', 'create', 'create']);
    for (const failure of report.failures) {
      expect(failure.error).toMatchObject({
        provider: 'cloudflare',
        operation: 'applyPlan',
        code: 'cname_conflict',
      });
    }
    const after = await toArray(cloudflare.listRecords(ZONE));
    expect(after).toEqual(before);
    expect(emulator.requests.filter((r) => r.path.endsWith('/batch'))).toHaveLength(1);
  });

  it('chunks createRecords above the batch limit, each chunk atomic; local refusals are their own errors', async () => {
    const { emulator, cloudflare } = await setup({}, { batchLimit: 2 });
    const inputs = [
      { type: 'A' as const, name: 'c1', content: '192.0.2.1' },
      { type: 'A' as const, name: 'c2', content: '192.0.2.2' },
      { type: 'A' as const, name: 'c3', content: '192.0.2.3' },
      { type: 'A' as const, name: 'www', content: '192.0.2.4' }, // refused by Cloudflare: the CNAME www
      { type: 'A' as const, name: 'c5', content: '192.0.2.5' },
      { type: 'A' as const, name: 'bad', content: '999.0.0.1' }, // refused locally
    ];
    const result = await cloudflare.createRecords(ZONE, inputs);
    expect(result.created.map((r) => r.name)).toEqual(['c1', 'c2', 'c5']);
    expect(result.errors.map((e) => e.input.name)).toEqual(['bad', 'c3', 'www']);
    expect(result.errors[0]!.error).toBeInstanceOf(ValidationError);
    expect(result.errors[0]!.error).toMatchObject({ provider: 'cloudflare', operation: 'createRecords' });
    expect(result.errors[1]!.error).toMatchObject({ code: 'cname_conflict', status: 400 });
    const batches = emulator.requests.filter((r) => r.path.endsWith('/batch'));
    expect(batches.map((r) => (r.body as { posts: unknown[] }).posts.length)).toEqual([2, 2, 1]);
    const names = (await toArray(cloudflare.listRecords(ZONE))).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['c1', 'c2', 'c5']));
    expect(names).not.toContain('c3');
  });
});

describe('Cloudflare zones and DNSSEC', () => {
  it('gets a zone with its assigned nameservers, by name or id, and creates one', async () => {
    const { emulator, cloudflare, sent, mark } = await setup();
    const zone = await cloudflare.getZone('Test-Domain-1.com.');
    expect(zone).toMatchObject({ provider: 'cloudflare', name: ZONE, id: await zoneId(emulator, ZONE) });
    expect(zone.nameservers).toHaveLength(2);
    for (const ns of zone.nameservers!) expect(ns).toMatch(/\.ns\.cloudflare\.com$/);
    expect(await cloudflare.getZone(zone.id)).toEqual(zone);
    mark();
    const created = await cloudflare.createZone('brand-new-zone.com');
    expect(sent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: '/zones',
        body: {
          name: 'brand-new-zone.com',
          account: { id: emulator.seedInfo.credentials.accountId },
          type: 'full',
        },
      },
    ]);
    expect(created).toMatchObject({
      provider: 'cloudflare',
      name: 'brand-new-zone.com',
      nameservers: zone.nameservers,
    });
    mark();
    await cloudflare.createRecord('brand-new-zone.com', { type: 'A', name: '@', content: '192.0.2.1' });
    expect(sent().map((r) => r.method)).toEqual(['POST']); // the new zone's id was remembered
    await expect(cloudflare.getZone('not-here.com')).rejects.toMatchObject({ code: 'zone_not_found' });
    const again = await cloudflare.createZone('brand-new-zone.com').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ code: 'zone_exists', status: 400, operation: 'createZone' });
  });

  it('reads the DS data of a signed zone, none of an unsigned one', async () => {
    const { cloudflare } = await setup({ dnssecActive: [ZONE] });
    const [ds, ...rest] = await cloudflare.getDsRecords(ZONE);
    expect(rest).toEqual([]);
    expect(ds).toMatchObject({ algorithm: 13, digestType: 2, flags: 257 });
    expect(ds!.digest).toMatch(/^[0-9A-F]{64}$/);
    expect(ds!.keyTag).toBeGreaterThanOrEqual(0);
    expect(await cloudflare.getDsRecords('test-domain-2.com')).toEqual([]);
  });
});
