import { createTransport, type TransportOptions } from '../transport/http-transport.js';

export const TEST_BASE_URL = 'https://api.example.test';

/** A transport of a made-up provider for transport tests: one Bearer secret, millisecond retries. */
export function testTransport(overrides: Partial<TransportOptions> = {}) {
  return createTransport({
    provider: 'dnsimple',
    baseURL: TEST_BASE_URL,
    credentials: () => ({ headers: { Authorization: 'Bearer sk_live_SECRET1' } }),
    retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
}
