/** DNSimple payloads for the nock tests (shapes of https://developer.dnsimple.com/v2/), overridable per test. */
import type { DnsimpleZoneRecord } from '../dnsimple-schemas.js';

/** A zone record as DNSimple answers it. */
export const zoneRecordPayload = (over: Partial<DnsimpleZoneRecord> = {}): DnsimpleZoneRecord => ({
  id: 9,
  zone_id: 'example.com',
  parent_id: null,
  name: 'x',
  content: '',
  ttl: 3600,
  priority: null,
  type: 'A',
  regions: ['global'],
  system_record: false,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  ...over,
});

/** A domain as DNSimple answers it (a hosted example.com unless overridden). */
export const domainPayload = (over: Record<string, unknown> = {}) => ({
  id: 5,
  account_id: 1010,
  registrant_id: null,
  name: 'example.com',
  unicode_name: 'example.com',
  state: 'hosted',
  auto_renew: false,
  private_whois: false,
  expires_on: null,
  expires_at: null,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  ...over,
});
