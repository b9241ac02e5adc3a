/** Shared setup of the nock tests (not a test file itself). */
import nock from 'nock';
import { createPocketDns, type PocketDnsOptions } from './index.js';

export const BASE = 'https://api.pocketdns.com';
export const KEY = 'sk_live_SECRET_test_key_123';

export function registrar(options: PocketDnsOptions = {}) {
  return createPocketDns({
    apiKey: KEY,
    owner: 'user_123',
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
    ...options,
  });
}

/** A nock scope that requires the Bearer key and JSON accept header on every request. */
export function api(extraHeaders: Record<string, string | RegExp> = {}) {
  return nock(BASE, {
    reqheaders: { authorization: `Bearer ${KEY}`, accept: 'application/json', ...extraHeaders },
  });
}

/** A scope for requests with a JSON body. */
export function apiJson(extraHeaders: Record<string, string | RegExp> = {}) {
  return api({ 'content-type': 'application/json', ...extraHeaders });
}

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

export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
