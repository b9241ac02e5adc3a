/**
 * Record writes by domain id (the zone name needs a request): what no zone can make valid is
 * refused before anything is sent; what only the zone decides is checked once it is known.
 */
import { type DnsRecordInput, ValidationError } from '@registrar-kit/core';
import { RECORDS_INVALID_IN_ANY_ZONE } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDnsimple } from './index.js';
import { domainPayload, zoneRecordPayload } from './test/dnsimple-fixtures.js';

const BASE = 'https://api.dnsimple.com';
const ACC = '/v2/1010';

const dnsimple = () =>
  createDnsimple({ token: 'dnsimple-records-token', accountId: 1010, retry: false, rateLimit: false });

let sent = 0;
const count = () => sent++;
beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', count);
});
afterAll(() => nock.emitter.removeListener('no match', count));
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  sent = 0;
  expect(pending).toEqual([]);
});

describe('a record invalid in any zone is refused before any request', () => {
  it.each<readonly [string, DnsRecordInput, string]>([
    ...RECORDS_INVALID_IN_ANY_ZONE,
    ['a TTL of 30', { type: 'A', name: 'www', content: '192.0.2.1', ttl: 30 }, 'ttl'],
  ])('createRecord by domain id with %s: ValidationError, nothing sent', async (_l, input, path) => {
    const error = await dnsimple()
      .createRecord('12345', input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'dnsimple', operation: 'createRecord' });
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(sent).toBe(0);
  });

  it('createRecords by domain id with an absolute name: checked against the zone, not refused early', async () => {
    nock(BASE)
      .get(`${ACC}/domains/12345`)
      .reply(200, {
        data: domainPayload({ id: 12345 }),
      });
    nock(BASE)
      .post(`${ACC}/zones/example.com/batch`, { creates: [{ name: 'www', type: 'A', content: '192.0.2.1' }] })
      .reply(200, {
        data: {
          creates: [zoneRecordPayload({ id: 1, name: 'www', content: '192.0.2.1' })],
        },
      });
    const result = await dnsimple().createRecords('12345', [
      { type: 'A', name: 'www.example.com.', content: '192.0.2.1' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.created.map((r) => r.fqdn)).toEqual(['www.example.com']);
  });

  it('updateRecord by domain id with a TTL of 30: ValidationError, nothing sent', async () => {
    await expect(dnsimple().updateRecord('12345', '1', { ttl: 30 })).rejects.toThrow(ValidationError);
    expect(sent).toBe(0);
  });
});
