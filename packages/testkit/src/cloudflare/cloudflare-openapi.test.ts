/**
 * The emulator's answers (and the requests of this scenario) checked against Cloudflare's OpenAPI
 * files in ../shared/specs/cloudflare: the official 2024 excerpt for zones, DNS records, DNSSEC and
 * zone files, the reconstructed file for batch and the 2026 Registrar API
 * (docs/providers/cloudflare.md#sources).
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { type OpenApiIssue, validateRequest, validateResponse } from '../openapi/openapi-validator.js';
import {
  type CloudflareTestClient,
  cloudflareClient,
  cloudflareEmulators,
  exchanges,
  registrantContacts,
  registrarPath,
  sandboxPath,
  zoneIdOf,
} from '../test/cloudflare-test-client.js';
import {
  CLOUDFLARE_API_PREFIX,
  CLOUDFLARE_DEFAULT_ACCOUNT_ID,
  CLOUDFLARE_DEFAULT_TOKEN,
  type CloudflareEmulator,
} from './cloudflare-emulator.js';
import { loadCloudflareSpecs } from './cloudflare-openapi-specs.js';

const SPECS = loadCloudflareSpecs(
  fileURLToPath(new URL('../../../../../shared/specs/cloudflare/', import.meta.url)),
);
const { official: OFFICIAL } = SPECS;

/** Operations the emulator serves that neither file describes (zone creation is outside the excerpt). */
const NOT_IN_SPECS = new Set(['POST /zones']);

const start = cloudflareEmulators();

const specFor = SPECS.specFor;

interface Finding {
  call: string;
  status: number;
  issues: OpenApiIssue[];
}

/**
 * Issues of every recorded JSON response, and of the requests that succeeded (the failing ones are
 * wrong on purpose), named by call. DELETE is sent without a body, as the official SDK does, although
 * the 2024 file marks a JSON body required there.
 */
function findings(): Finding[] {
  const out: Finding[] = [];
  for (const { call, response } of exchanges) {
    const path = `${CLOUDFLARE_API_PREFIX}${call.path}`;
    const name = `${call.method} ${call.path}`;
    if (NOT_IN_SPECS.has(`${call.method} ${call.path.split('?')[0]}`)) continue;
    const requestIssues =
      response.status >= 300
        ? []
        : validateRequest(specFor(call.path, true), {
            method: call.method,
            path,
            body: call.body,
            headers: call.headers,
          }).filter((issue) => !(call.method === 'DELETE' && issue.message === 'a request body is required'));
    const responseIssues =
      response.json === undefined
        ? []
        : validateResponse(specFor(call.path, false), {
            method: call.method,
            path,
            status: response.status,
            body: response.json,
          });
    out.push({ call: name, status: response.status, issues: [...requestIssues, ...responseIssues] });
  }
  return out;
}

async function setup(): Promise<{ emu: CloudflareEmulator; api: CloudflareTestClient; zoneId: string }> {
  const emu = await start({ seed: { registeredNames: ['transfer-me.com'] } });
  const api = cloudflareClient(emu);
  const zoneId = await zoneIdOf(api, 'test-domain-1.com');
  return { emu, api, zoneId };
}

beforeEach(() => {
  exchanges.length = 0;
});

describe('Cloudflare emulator against the OpenAPI files', () => {
  it('zones, DNS records, DNSSEC and zone files validate against the official 2024 spec', async () => {
    const { emu, api, zoneId } = await setup();
    const records = `/zones/${zoneId}/dns_records`;
    await api('GET', '/zones?per_page=5&page=1');
    await api('GET', `/zones/${zoneId}`);
    await api('GET', `/zones/${'0'.repeat(32)}`);
    await api('GET', `${records}?type=A&per_page=2&order=name&direction=desc`);
    const a = await api('POST', records, {
      type: 'A',
      name: 'web',
      content: '192.0.2.1',
      ttl: 1,
      comment: 'web',
      tags: ['team:web'],
    });
    const id = a.json.result.id;
    await api('POST', records, { type: 'MX', name: '@', content: 'mx.example.net', priority: 10, ttl: 3600 });
    await api('POST', records, { type: 'TXT', name: '@', content: '"v=spf1 -all"' });
    await api('POST', records, {
      type: 'SRV',
      name: '_sip._tcp',
      data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.net' },
    });
    await api('POST', records, {
      type: 'CAA',
      name: '@',
      data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    });
    await api('POST', records, { type: 'A', name: 'bad', content: '300.1.1.1' });
    await api('GET', `${records}/${id}`);
    await api('PATCH', `${records}/${id}`, {
      type: 'A',
      name: 'web.test-domain-1.com',
      content: '192.0.2.2',
    });
    await api('PUT', `${records}/${id}`, {
      type: 'A',
      name: 'web',
      content: '192.0.2.3',
      ttl: 300,
      proxied: true,
    });
    await api('DELETE', `${records}/${id}`);
    await api('GET', `${records}/${id}`);
    await api('GET', `/zones/${zoneId}/dnssec`);
    await api('PATCH', `/zones/${zoneId}/dnssec`, { status: 'active' });
    await api('GET', `/zones/${zoneId}/dnssec`);
    await api('DELETE', `/zones/${zoneId}/dnssec`);
    const exported = await api('GET', `${records}/export`);
    expect(exported.headers.get('content-type')).toMatch(/^text\/plain/);

    const form = new FormData();
    form.set('file', new Blob(['imported.test-domain-1.com. 300 IN A 192.0.2.9\n']), 'zone.txt');
    const imported = await fetch(`${emu.url}${CLOUDFLARE_API_PREFIX}${records}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CLOUDFLARE_DEFAULT_TOKEN}` },
      body: form,
    });
    const importIssues = validateResponse(OFFICIAL, {
      method: 'POST',
      path: `${CLOUDFLARE_API_PREFIX}${records}/import`,
      status: imported.status,
      body: await imported.json(),
    });

    const problems = findings().filter((f) => f.issues.length > 0);
    expect(problems).toEqual([]);
    expect(importIssues).toEqual([]);
    expect(exchanges.map((e) => e.response.status)).toContain(404);
    expect(exchanges.map((e) => e.response.status)).toContain(400);
  });

  it('the batch endpoint validates against the reconstructed spec, success and failure', async () => {
    const { api, zoneId } = await setup();
    const records = `/zones/${zoneId}/dns_records`;
    const listed = await api('GET', records);
    const [first, second] = listed.json.result;
    await api('POST', `${records}/batch`, {
      deletes: [{ id: first.id }],
      patches: [{ id: second.id, ttl: 600 }],
      posts: [{ type: 'A', name: 'batch', content: '192.0.2.10', ttl: 1 }],
    });
    await api('POST', `${records}/batch`, { posts: [{ type: 'A', name: 'broken', content: 'x' }] });
    const problems = findings().filter((f) => f.issues.length > 0);
    expect(problems).toEqual([]);
    // zone lookup, list, the batch that applies, the batch that fails
    expect(exchanges.map((e) => e.response.status)).toEqual([200, 200, 200, 400]);
  });

  it('the 2026 Registrar API, transfer-in and the sandbox validate against the reconstructed spec', async () => {
    const { api } = await setup();
    const r = registrarPath;
    const s = sandboxPath;
    const contacts = registrantContacts;
    await api('GET', r('/domain-search?q=acme&extensions=com&limit=3'));
    await api('GET', r('/domain-search'));
    await api('POST', r('/domain-check'), {
      domains: ['available-name.com', 'premium-name.com', 'brand.link'],
    });
    await api('POST', r('/domain-check'), { domains: [] });
    await api('POST', r('/registrations'), {
      domain_name: 'available-name.com',
      years: 1,
      auto_renew: false,
    });
    await api('POST', r('/registrations'), { domain_name: 'slow-name.com' }, { prefer: 'respond-async' });
    await api('GET', r('/registrations/slow-name.com/registration-status'));
    await api('GET', r('/registrations/slow-name.com/registration-status'));
    await api('GET', r('/registrations/slow-name.com/registration-status'));
    await api('POST', r('/registrations'), { domain_name: 'confirm-name.com' });
    await api('POST', r('/registrations'), { domain_name: 'rejected-name.com' });
    await api('GET', r('/registrations/rejected-name.com/registration-status'));
    await api('POST', r('/registrations'), { domain_name: 'available-name.com' });
    await api('GET', r('/registrations?per_page=2'));
    const page = await api('GET', r('/registrations?per_page=2'));
    await api(
      'GET',
      r(`/registrations?per_page=2&cursor=${encodeURIComponent(page.json.result_info.cursor)}`),
    );
    await api('GET', r('/registrations?cursor=bogus'));
    await api('GET', r('/registrations/test-domain-1.com'));
    await api('GET', r('/registrations/nope-name.com'));
    await api('PATCH', r('/registrations/test-domain-1.com'), { auto_renew: true });
    await api(
      'PATCH',
      r('/registrations/test-domain-2.com'),
      { auto_renew: true },
      { prefer: 'respond-async' },
    );
    await api('GET', r('/registrations/test-domain-2.com/update-status'));
    await api('GET', r('/extensions'));
    await api('GET', r('/extensions/com'));

    await api('POST', '/zones', { name: 'transfer-me.com', account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID } });
    await api('POST', r('/domain-transfer-check'), {
      domains: [
        { domain_name: 'transfer-me.com', auth_code: 'RVBQ' },
        { domain_name: 'upstream-error-x.com', auth_code: 'RVBQ' },
      ],
    });
    await api('POST', r('/registrations/transfer-me.com/transfer-in'), {
      auth_code: 'RVBQ',
      auto_renew: true,
    });
    await api('GET', r('/registrations/transfer-me.com/transfer-in-status'));
    await api('GET', r('/registrations/transfer-me.com/transfer-in-status'));

    await api('GET', s('/domain-search?q=sandbox'));
    await api('POST', s('/domain-check'), { domains: ['sandbox-name.com'] });
    await api('POST', s('/registrations'), { domain_name: 'sandbox-name.com', contacts });
    await api('GET', s('/registrations'));
    await api('GET', s('/registrations/sandbox-name.com'));
    await api('GET', s('/registrations/sandbox-name.com/registration-status'));
    await api('GET', s('/extensions'));

    const problems = findings().filter((f) => f.issues.length > 0);
    expect(problems).toEqual([]);
    const statuses = new Set(exchanges.map((e) => e.response.status));
    expect([...statuses].sort()).toEqual([200, 201, 202, 400, 404, 409]);
  });
});
