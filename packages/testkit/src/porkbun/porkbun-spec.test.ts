/**
 * The Porkbun emulator against Porkbun's OpenAPI excerpt (../shared/specs/porkbun/): every request
 * this file sends and every answer it gets, success and error, is validated with the testkit's
 * OpenAPI validator. With `responseShapes: 'spec'` nothing may deviate; with the default
 * `observed` shapes the only deviations are the recorded ones docs/providers/porkbun.md#data-formats
 * lists.
 */
import { describe, expect, it } from 'vitest';
import {
  loadOpenApi,
  type OpenApiIssue,
  validateRequest,
  validateResponse,
} from '../openapi/openapi-validator.js';
import type { PorkbunExchange, PorkbunTestClient } from './porkbun-test-client.js';
import { porkbunEmulators } from './porkbun-test-client.js';

const spec = loadOpenApi(
  new URL('../../../../../shared/specs/porkbun/openapi-excerpt-3.27.json', import.meta.url).pathname,
);
const start = porkbunEmulators();
const ZONE = 'test-domain-1.com';
const DS = { keyTag: '64087', alg: '13', digestType: '2', digest: 'ABCDEF0123456789' };

/** One call to every endpoint the emulator serves that the excerpt covers, with its main errors. */
async function exerciseEveryEndpoint(api: PorkbunTestClient): Promise<void> {
  await api.post('/ping');
  await api.get('/ping');
  await api.post(
    '/ping',
    {},
    { auth: 'none', headers: { 'x-api-key': 'pk1_unknown', 'x-secret-api-key': 's' } },
  );
  await api.get('/pricing/get', { auth: 'none' });
  await api.post('/pricing/get', { tlds: ['com'] }, { auth: 'none' });
  await api.post('/domain/checkDomain/available-name.com');
  await api.post('/domain/checkDomain/registered-name.com');
  await api.post('/domain/checkDomain/premium-name.com');
  await api.post('/domain/checkDomain/not..valid.com');
  await api.get('/domain/getRegistrationRequirements/com');
  await api.get('/domain/getRegistrationRequirements/nosuchtld');
  await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes', dryRun: true });
  await api.post('/domain/create/new-name.com', { cost: 1299, agreeToTerms: 'yes', whoisPrivacy: true });
  await api.post('/domain/create/other-name.com', { cost: 1, agreeToTerms: 'yes' });
  await api.post('/domain/renew/test-domain-2.com', { cost: 1299, dryRun: true });
  await api.post('/domain/renew/test-domain-2.com', { cost: 1299 });
  await api.post('/domain/renew/test-domain-2.com', { cost: 1299 });
  await api.post('/domain/transfer/registered-name.com', { authCode: 'abc123', cost: 1299 });
  await api.get('/domain/getTransfer/registered-name.com');
  await api.get('/domain/listTransfers');
  await api.post('/domain/listAll', { includeLabels: 'yes' });
  await api.get('/domain/listAll?start=0&sortName=domain');
  await api.get(`/domain/get/${ZONE}?includeLabels=yes`);
  await api.get('/domain/get/not-mine.com');
  await api.post(`/domain/updateAutoRenew/${ZONE}`, { status: 'on', domains: ['not-mine.com'] });
  await api.post(`/domain/getNs/${ZONE}`);
  await api.post(`/domain/updateNs/${ZONE}`, { ns: ['ns1.example.net', 'ns2.example.net'] });
  await api.post('/domain/updateNs/not-mine.com', { ns: ['ns1.example.net', 'ns2.example.net'] });
  await api.get(`/dns/retrieve/${ZONE}`);
  await api.post(`/dns/retrieve/${ZONE}/100000001`);
  await api.get(`/dns/retrieveByNameType/${ZONE}/CNAME/www`);
  const created = await api.post(`/dns/create/${ZONE}`, {
    name: 'api',
    type: 'A',
    content: '192.0.2.9',
    ttl: 600,
  });
  await api.post(`/dns/create/${ZONE}`, { name: 'api', type: 'A', content: '192.0.2.9' });
  await api.post(`/dns/create/${ZONE}`, { name: 'www', type: 'A', content: '192.0.2.9' });
  await api.post(`/dns/edit/${ZONE}/${created.json.id}`, {
    name: 'api',
    type: 'A',
    content: '192.0.2.10',
    ttl: 600,
    prio: 0,
  });
  await api.post(`/dns/editByNameType/${ZONE}/A/api`, { content: '192.0.2.11', ttl: 600 });
  await api.post(`/dns/delete/${ZONE}/${created.json.id}`);
  await api.post(`/dns/delete/${ZONE}/1`);
  await api.post(`/dns/deleteByNameType/${ZONE}/CNAME/www`);
  await api.post(`/dns/import/${ZONE}`, {
    records: [{ name: 'mail', type: 'A', content: '192.0.2.20', ttl: 600, prio: null }],
  });
  await api.post(`/dns/import/${ZONE}`, { records: [] });
  await api.post(`/dns/getDnssecRecords/${ZONE}`);
  await api.post(`/dns/createDnssecRecord/${ZONE}`, DS);
  await api.get(`/dns/getDnssecRecords/${ZONE}`);
  await api.post(`/dns/deleteDnssecRecord/${ZONE}/${DS.keyTag}`);
  await api.get('/account/balance');
  await api.get('/account/apiSettings');
}

/** Every issue of every exchange, each tagged with its request. */
function issuesOf(exchanges: PorkbunExchange[]): string[] {
  const issues: string[] = [];
  const add = (ex: PorkbunExchange, kind: string, list: OpenApiIssue[]) => {
    for (const issue of list)
      issues.push(`${ex.method} ${ex.path} ${kind} ${issue.in}${issue.at}: ${issue.message}`);
  };
  for (const ex of exchanges) {
    add(
      ex,
      'response',
      validateResponse(spec, { method: ex.method, path: ex.path, status: ex.status, body: ex.json }),
    );
    add(
      ex,
      'request',
      validateRequest(spec, {
        method: ex.method,
        path: ex.path,
        body: ex.requestBody,
        headers: ex.requestHeaders,
      }),
    );
  }
  return issues;
}

describe('Porkbun emulator against the OpenAPI excerpt', () => {
  it("answers every covered endpoint, success and error, exactly as the spec's schemas say (responseShapes spec)", async () => {
    const { api } = await start({ responseShapes: 'spec', rateLimits: false, renewCooldownDays: 0 });
    await exerciseEveryEndpoint(api);
    expect(api.exchanges.map((ex) => ex.status).filter((s) => s !== 200).length).toBeGreaterThan(5);
    expect(issuesOf(api.exchanges)).toEqual([]);
  });

  it('deviates by default only where real responses were recorded to (flags, ids, empty maps, transfer fields)', async () => {
    const { api } = await start({ rateLimits: false, renewCooldownDays: 0 });
    await exerciseEveryEndpoint(api);
    const kinds = issuesOf(api.exchanges).map((issue) =>
      issue
        .replace(/^(\w+) \/api\/json\/v3(\/\w+\/\w+)\S* /, '$2 ')
        .replace(/\/pricing\/[a-z0-9.]+\/coupons/, '/pricing/TLD/coupons')
        .replace(/\/\d+\//, '/N/'),
    );
    expect([...new Set(kinds)].sort()).toEqual([
      '/dns/create response body/id: must be string',
      '/dns/getDnssecRecords response body/records: must be object',
      '/domain/get response body/domain/securityLock: must be integer',
      '/domain/get response body/domain/whoisPrivacy: must be integer',
      '/domain/getTransfer response body/transfer/orderId: must be integer',
      '/domain/getTransfer response body/transfer/transferDate: must match format "date-time"',
      '/domain/listAll response body/domains/N/securityLock: must be integer',
      '/domain/listAll response body/domains/N/whoisPrivacy: must be integer',
      '/domain/listTransfers response body/transfers/N/orderId: must be integer',
      '/domain/listTransfers response body/transfers/N/transferDate: must match format "date-time"',
      '/pricing/get response body/pricing/TLD/coupons: must be object',
    ]);
  });

  it('refuses a checkDomain over the limit with a 429 the spec describes', async () => {
    const { api } = await start({ responseShapes: 'spec', timeScale: 0.01 });
    await api.post('/domain/checkDomain/available-name.com');
    const limited = await api.post('/domain/checkDomain/available-name.com');
    expect(limited.status).toBe(429);
    expect(issuesOf(api.exchanges)).toEqual([]);
  });
});
