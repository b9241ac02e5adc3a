import { describe, expect, it } from 'vitest';
import {
  type CloudflareTestResponse,
  cloudflareClient,
  cloudflareEmulators,
  zoneIdOf,
} from '../test/cloudflare-test-client.js';
import {
  CLOUDFLARE_API_PREFIX,
  CLOUDFLARE_DEFAULT_TOKEN,
  type CloudflareEmulator,
} from './cloudflare-emulator.js';

const start = cloudflareEmulators();
const ZONE = 'test-domain-1.com';

async function importFile(emu: CloudflareEmulator, zoneId: string, file: string, proxied?: string) {
  const form = new FormData();
  form.set('file', new Blob([file], { type: 'text/plain' }), 'zone.txt');
  if (proxied !== undefined) form.set('proxied', proxied);
  const res = await fetch(`${emu.url}${CLOUDFLARE_API_PREFIX}/zones/${zoneId}/dns_records/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${CLOUDFLARE_DEFAULT_TOKEN}` },
    body: form,
  });
  return { status: res.status, json: (await res.json()) as CloudflareTestResponse['json'] };
}

async function setup(recordsPerDomain = 0) {
  const emu = await start({ seed: { recordsPerDomain } });
  const api = cloudflareClient(emu);
  const zoneId = await zoneIdOf(api, ZONE);
  return { emu, api, zoneId, records: `/zones/${zoneId}/dns_records` };
}

describe('Cloudflare emulator: zone file export', () => {
  it('exports text/plain BIND with SOA, apex NS, one section per type, TTL 1 for automatic and cf_tags', async () => {
    const { emu, api, records, zoneId } = await setup();
    await api('POST', records, { type: 'A', name: '@', content: '198.51.100.7', proxied: true });
    await api('POST', records, {
      type: 'A',
      name: 'app',
      content: '198.51.100.8',
      comment: 'reverse proxy',
      tags: ['team:web'],
    });
    await api('POST', records, {
      type: 'MX',
      name: '@',
      content: 'route1.mx.example.net',
      priority: 10,
      ttl: 3600,
    });
    await api('POST', records, { type: 'TXT', name: '@', content: 'v=spf1 -all' });
    await api('POST', records, { type: 'TXT', name: 'long', content: `"${'x'.repeat(300)}"` });
    await api('POST', records, {
      type: 'SRV',
      name: '_sip._tcp',
      data: { priority: 1, weight: 2, port: 5060, target: 'sip.example.net' },
    });
    const res = await fetch(`${emu.url}${CLOUDFLARE_API_PREFIX}${records}/export`, {
      headers: { authorization: `Bearer ${CLOUDFLARE_DEFAULT_TOKEN}`, accept: 'text/plain' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    const [ns1, ns2] = emu.state.zones.get(zoneId)!.name_servers;
    expect(text).toMatch(
      /^;;\n;; Domain: {5}test-domain-1\.com\.\n;; Exported: {3}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/,
    );
    expect(text).toContain(`;; SOA Record\n${ZONE}\t3600\tIN\tSOA\t${ns1}. dns.cloudflare.com. `);
    expect(text).toContain(
      `;; NS Records\n${ZONE}.\t86400\tIN\tNS\t${ns1}.\n${ZONE}.\t86400\tIN\tNS\t${ns2}.\n`,
    );
    expect(text).toContain(
      `;; A Records\n${ZONE}.\t1\tIN\tA\t198.51.100.7 ; cf_tags=cf-proxied:true\napp.${ZONE}.\t1\tIN\tA\t198.51.100.8 ; reverse proxy cf_tags=team:web\n`,
    );
    expect(text).toContain(`;; MX Records\n${ZONE}.\t3600\tIN\tMX\t10 route1.mx.example.net.\n`);
    expect(text).toContain(`;; SRV Records\n_sip._tcp.${ZONE}.\t1\tIN\tSRV\t1 2 5060 sip.example.net.\n`);
    expect(text).toContain(`${ZONE}.\t1\tIN\tTXT\t"v=spf1 -all"\n`);
    expect(text).toContain(`long.${ZONE}.\t1\tIN\tTXT\t"${'x'.repeat(255)}" "${'x'.repeat(45)}"\n`);
  });
});

describe('Cloudflare emulator: zone file import', () => {
  it('imports multipart file: $ORIGIN, $TTL, $GENERATE, comments, cf_tags, proxied form field; skips SOA and apex NS', async () => {
    const { emu, api, records, zoneId } = await setup();
    const file = [
      `$ORIGIN ${ZONE}.`,
      '$TTL 3600',
      `@ IN SOA ns.example.net. hostmaster.example.net. ( 1 7200 3600 1209600 300 )`,
      '@ 86400 IN NS ns1.example.net.',
      'www 300 IN A 192.0.2.10 ; web front cf_tags=team:web,cf-proxied:false',
      'app IN A 192.0.2.11',
      '  IN AAAA 2001:db8::11',
      '@ IN MX 10 mail.example.net.',
      'txt IN TXT "hello" "world"',
      '_sip._tcp IN SRV 1 2 5060 sip.example.net.',
      '@ IN CAA 0 issue "letsencrypt.org"',
      '$GENERATE 1-3 host-$ A 192.0.2.$',
    ].join('\n');
    const res = await importFile(emu, zoneId, file, 'true');
    expect(res.status).toBe(200);
    expect(res.json.result).toEqual({ recs_added: 10, total_records_parsed: 10 });
    expect(res.json.timing).toMatchObject({
      start_time: expect.any(String),
      end_time: expect.any(String),
      process_time: expect.any(Number),
    });
    const listed = (await api('GET', `${records}?order=name&per_page=50`)).json.result;
    const www = listed.find((r: { name: string }) => r.name === `www.${ZONE}`);
    expect(www).toMatchObject({ ttl: 300, proxied: false, comment: 'web front', tags: ['team:web'] });
    expect(
      listed.find((r: { name: string; type: string }) => r.name === `app.${ZONE}` && r.type === 'A'),
    ).toMatchObject({
      ttl: 1,
      proxied: true,
    });
    // A continuation line keeps the owner; the proxied form field makes it proxied (so TTL automatic).
    expect(listed.find((r: { type: string }) => r.type === 'AAAA')).toMatchObject({
      name: `app.${ZONE}`,
      proxied: true,
    });
    expect(listed.find((r: { type: string }) => r.type === 'MX')).toMatchObject({ ttl: 3600, priority: 10 });
    expect(listed.find((r: { type: string }) => r.type === 'TXT').content).toBe('"hello" "world"');
    expect(listed.find((r: { type: string }) => r.type === 'SRV')).toMatchObject({
      priority: 1,
      content: '2 5060 sip.example.net',
    });
    expect(listed.find((r: { type: string }) => r.type === 'CAA').data).toEqual({
      flags: 0,
      tag: 'issue',
      value: 'letsencrypt.org',
    });
    expect(
      listed
        .filter((r: { name: string }) => r.name.startsWith('host-'))
        .map((r: { content: string }) => r.content),
    ).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    expect(listed.some((r: { type: string }) => r.type === 'NS' || r.type === 'SOA')).toBe(false);
    // Importing the same file again adds nothing: identical records are skipped.
    const again = await importFile(emu, zoneId, file);
    expect(again.json.result).toEqual({ recs_added: 0, total_records_parsed: 10 });
  });

  it('round-trips: an export imported into a fresh zone recreates the records', async () => {
    const source = await setup(5);
    await source.api('POST', source.records, {
      type: 'A',
      name: 'tagged',
      content: '192.0.2.9',
      comment: 'note',
      tags: ['a:b'],
      proxied: true,
    });
    const exported = await source.api('GET', `${source.records}/export`);
    const target = await start({ seed: { recordsPerDomain: 0 } });
    const targetApi = cloudflareClient(target);
    const zoneId = await zoneIdOf(targetApi, ZONE);
    const res = await importFile(target, zoneId, exported.text);
    expect(res.json.result.recs_added).toBe(6);
    const shape = (r: Record<string, unknown>) =>
      JSON.stringify([r.type, r.name, r.content, r.ttl, r.proxied, r.comment ?? null, r.tags]);
    const before = (await source.api('GET', source.records)).json.result.map(shape).sort();
    const after = (await targetApi('GET', `/zones/${zoneId}/dns_records`)).json.result.map(shape).sort();
    expect(after).toEqual(before);
  });

  it('refuses $INCLUDE, a file over 256 KiB and a body without file, changing nothing', async () => {
    const { emu, api, zoneId, records } = await setup();
    const include = await importFile(emu, zoneId, 'a IN A 192.0.2.1\n$INCLUDE other.zone\n');
    expect(include.status).toBe(400);
    expect(include.json.errors).toEqual([{ code: 10000, message: '$INCLUDE directive not allowed' }]);
    const big = await importFile(emu, zoneId, `a IN TXT "${'x'.repeat(262_144)}"\n`);
    expect(big.status).toBe(400);
    const invalid = await importFile(emu, zoneId, 'a IN A 192.0.2.1\nb IN A 999.1.1.1\n');
    expect(invalid.status).toBe(400);
    const noFile = await api('POST', `${records}/import`, { file: 'a IN A 192.0.2.1' });
    expect(noFile.status).toBe(400);
    expect((await api('GET', records)).json.result).toEqual([]);
  });
});
