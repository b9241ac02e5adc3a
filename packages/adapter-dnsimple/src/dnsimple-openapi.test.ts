/**
 * Every request the adapter sends in a full lifecycle (contacts, TLDs, register, renew, transfer,
 * auth code, zones, records, batches, DNSSEC) is valid under DNSimple's official OpenAPI document
 * (https://github.com/dnsimple/dnsimple-developer, content/v2/openapi.yml; the copy in
 * shared/fixtures/dnsimple), checked with the testkit validator on the emulator's request log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument, validateRequest } from '@registrar-kit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADA, FIXTURES_AVAILABLE, FIXTURES_DIR, FIXTURES_MISSING_MESSAGE } from './test/dnsimple-fixtures.js';
import { startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

describe.skipIf(!FIXTURES_AVAILABLE)(
  `requests against DNSimple's OpenAPI${FIXTURES_AVAILABLE ? '' : ` (skipped: ${FIXTURES_MISSING_MESSAGE})`}`,
  () => {
    it('every request of a lifecycle validates (path, query, body)', async () => {
      const spec = openApiDocument(parse(readFileSync(join(FIXTURES_DIR, 'openapi.yml'), 'utf8')));
      const { emulator, dnsimple } = await startDnsimple({ completion: { polls: 1 } });
      const zone = emulator.seedInfo.ownedDomains[0]!;
      const usd = (amount: string) => ({ amount, currency: 'USD' });
      await dnsimple.createContact({ ...ADA, organization: 'Analytical Engines Ltd' });
      await dnsimple.getTldRequirements('us');
      await dnsimple.registerDomain({
        domain: 'new-name.us',
        contacts: { registrant: { ...ADA, organization: 'Analytical Engines Ltd' } },
        autoRenew: true,
        whoisPrivacy: false,
        extendedAttributes: { 'x-us-nexus-category': 'C11', 'x-us-nexus-apppurpose': 'P3' },
        maxPrice: usd('20'),
      });
      await dnsimple.registerDomain({
        domain: emulator.seedInfo.premiumName,
        contacts: { registrant: '1' },
        maxPrice: usd('5000'),
      });
      const renewal = await dnsimple.renewDomain(zone, { years: 2, maxPrice: usd('100') });
      await dnsimple.getRenewal(zone, String((renewal.raw as { id: number }).id));
      const transfer = await dnsimple.transferDomain({
        domain: 'registered-name.com',
        authCode: 'code',
        contacts: { registrant: '1' },
        premiumPrice: usd('12.99'),
      });
      await dnsimple.getTransfer(transfer.id);
      await dnsimple.getAuthCode(zone);
      await dnsimple.updateDomain(zone, {
        autoRenew: false,
        transferLock: true,
        nameservers: ['ns1.example.net', 'ns2.example.net'],
      });
      await dnsimple.getZone(zone);
      await dnsimple.createZone('dns-only.com');
      const record = await dnsimple.createRecord(zone, {
        type: 'MX',
        name: '@',
        content: 'mx.example.net',
        priority: 10,
        ttl: 3600,
      });
      await dnsimple.updateRecord(zone, record.id, { ttl: 600, priority: 20 });
      await dnsimple.createRecords(zone, [
        { type: 'TXT', name: 'txt', content: 'v=spf1 -all', ttl: 3600 },
        { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.net', priority: 10, ttl: 3600 },
      ]);
      for await (const _ of dnsimple.listRecords(zone, { pageSize: 2 })) void _;
      await dnsimple.deleteRecord(zone, record.id);
      await dnsimple.setDsRecords(zone, [
        { keyTag: 2371, algorithm: 13, digestType: 2, digest: 'ab'.repeat(32) },
      ]);
      await dnsimple.checkAvailability('available-name.com');
      await dnsimple.getPrice('available-name.com', { operation: 'transfer' });

      const findings = emulator.requests.flatMap((request) => {
        const query = new URLSearchParams(request.query).toString();
        const issues = validateRequest(spec, {
          method: request.method,
          path: `${request.path}${query ? `?${query}` : ''}`,
          body: request.body === undefined || request.body === '' ? undefined : request.body,
        }).filter(
          // The spec gives these bodiless operations a required body (`DELETE` with none is what
          // DNSimple's own client sends).
          (issue) =>
            !(
              issue.message === 'a request body is required' &&
              ['DELETE', 'PUT', 'POST'].includes(request.method) &&
              request.body === undefined
            ),
        );
        return issues.map(
          (issue) => `${request.method} ${request.path}: ${issue.in} ${issue.at} ${issue.message}`,
        );
      });
      expect(emulator.requests.length).toBeGreaterThan(30);
      expect(findings).toEqual([]);
    });
  },
);
