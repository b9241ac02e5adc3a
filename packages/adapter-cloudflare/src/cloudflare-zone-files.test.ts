import { toArray, ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { requestIssues, setup, zoneId } from './test/cloudflare-fixture.js';

const ZONE = 'test-domain-1.com';

describe('Cloudflare zone files', () => {
  it('exports the zone as Cloudflare writes it, in one request', async () => {
    const { emulator, cloudflare, sent, mark } = await setup();
    const id = await zoneId(emulator, ZONE);
    await cloudflare.createRecord(ZONE, { type: 'TXT', name: 'note', content: 'hello world' });
    mark();
    const text = await cloudflare.exportZoneFile(ZONE);
    expect(sent().map(({ method, path, headers }) => ({ method, path, accept: headers.accept }))).toEqual([
      { method: 'GET', path: `/zones/${id}/dns_records/export`, accept: 'text/plain' },
    ]);
    expect(text).toMatch(/^;;/);
    expect(text).toContain('SOA');
    expect(text).toMatch(/note\.test-domain-1\.com\.\t1\tIN\tTXT\t"hello world"/);
  });

  it('imports a zone file as a multipart upload and counts what was added', async () => {
    const { emulator, cloudflare } = await setup();
    const result = await cloudflare.importZoneFile(
      ZONE,
      '$ORIGIN test-domain-1.com.\n$TTL 3600\nimported 300 IN A 192.0.2.9\nalias IN CNAME target.example.net.\n',
    );
    expect(result).toEqual({ added: 2, parsed: 2 });
    const records = await toArray(cloudflare.listRecords(ZONE));
    expect(
      records
        .filter((r) => ['imported', 'alias'].includes(r.name))
        .map((r) => [r.name, r.type, r.content, r.ttl]),
    ).toEqual([
      ['imported', 'A', '192.0.2.9', 300],
      ['alias', 'CNAME', 'target.example.net', 3600],
    ]);
    const upload = emulator.requests.find((r) => r.path.endsWith('/dns_records/import'))!;
    expect(String(upload.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('refuses a zone file over 256 KiB before sending it', async () => {
    const { cloudflare, sent, mark } = await setup();
    mark();
    const error = await cloudflare.importZoneFile(ZONE, 'x'.repeat(262_145)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(sent()).toEqual([]);
  });
});
