/** PocketDNS payloads as the docs' examples show them (docs/providers/pocketdns.md), and their models. */

export const SUMMARY = {
  id: 'dom_abc123',
  name: 'example.com',
  status: 'active',
  purchased_at: '2025-01-01T00:00:00Z',
  expires_at: '2026-01-01T00:00:00Z',
  auto_renew: true,
  dns_records_count: 8,
  registrar: 'pocketdns',
};

export const DETAIL = {
  id: 'dom_abc123',
  name: 'example.com',
  user_identifier: 'user_123',
  status: 'active',
  purchased_at: '2025-01-01T00:00:00Z',
  expires_at: '2026-01-01T00:00:00Z',
  auto_renew: true,
  registrar: 'pocketdns',
  nameservers: ['ns1.pocketdns.com', 'ns2.pocketdns.com'],
  whois_privacy: true,
  dns_records: [
    {
      id: 'rec_xyz789',
      type: 'A',
      name: '@',
      content: '192.0.2.1',
      ttl: 300,
      created_at: '2025-01-01T01:00:00Z',
    },
  ],
  pricing: { registration_price: '12.99', renewal_price: '12.99', currency: 'USD' },
};

/** The model of DETAIL. */
export const DETAIL_MODEL = {
  provider: 'pocketdns',
  id: 'dom_abc123',
  name: 'example.com',
  unicodeName: 'example.com',
  status: 'active',
  providerStatus: ['active'],
  owner: 'user_123',
  createdAt: new Date('2025-01-01T00:00:00Z'),
  expiresAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: null,
  autoRenew: true,
  whoisPrivacy: true,
  transferLock: null,
  nameservers: ['ns1.pocketdns.com', 'ns2.pocketdns.com'],
  dsRecords: null,
  raw: DETAIL,
};
