import { AuthenticationError, RateLimitError } from '@registrar-kit/core';
import { errorRenderings } from '@registrar-kit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createNamecheap, NAMECHEAP_BUCKETS } from './index.js';
import { namecheapOnEmulator, sent } from './test/namecheap-setup.js';

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const ENV = ['NAMECHEAP_API_USER', 'NAMECHEAP_API_KEY', 'NAMECHEAP_USERNAME', 'NAMECHEAP_CLIENT_IP'];

afterEach(() => {
  for (const name of ENV) delete process.env[name];
});

describe('credentials and global parameters', () => {
  it('a missing credential is AuthenticationError missing_credentials naming the variable, nothing sent', async () => {
    const { emulator } = await namecheapOnEmulator();
    const registrar = createNamecheap({
      baseURL: emulator.url,
      apiUser: 'nc-test-user',
      apiKey: '',
      clientIp: '203.0.113.10',
    });
    const error = await caught(registrar.getDomain(emulator.seedInfo.ownedDomains[0]!));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      code: 'missing_credentials',
      provider: 'namecheap',
      operation: 'getDomain',
    });
    expect((error as Error).message).toContain('NAMECHEAP_API_KEY');
    expect(emulator.requests).toHaveLength(0);
  });

  it('reads the four variables when the options are absent; UserName defaults to the ApiUser', async () => {
    const { emulator } = await namecheapOnEmulator();
    const credentials = emulator.seedInfo.credentials as Record<string, string>;
    process.env.NAMECHEAP_API_USER = credentials.apiUser;
    process.env.NAMECHEAP_API_KEY = credentials.apiKey;
    process.env.NAMECHEAP_CLIENT_IP = credentials.clientIp;
    const registrar = createNamecheap({ baseURL: emulator.url, rateLimit: false });
    await registrar.checkAvailability('example-free.com');
    expect(sent(emulator, 'checkAvailability')[0]).toMatchObject({
      ApiUser: credentials.apiUser,
      ApiKey: credentials.apiKey,
      UserName: credentials.apiUser,
      ClientIp: credentials.clientIp,
      Command: 'namecheap.domains.check',
    });
  });

  it('a ClientIp that is not whitelisted: AuthenticationError 1011150 naming the address to whitelist, no key in it', async () => {
    const { emulator, connect } = await namecheapOnEmulator({ ipCheck: 'client-ip' });
    const error = await caught(
      connect({ clientIp: '198.51.100.77' }).getDomain(emulator.seedInfo.ownedDomains[0]!),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1011150' });
    expect((error as Error).message).toContain('whitelist 198.51.100.77 in Namecheap');
    const key = (emulator.seedInfo.credentials as Record<string, string>).apiKey!;
    for (const text of errorRenderings(error)) expect(text).not.toContain(key);
  });
});

describe('rate limits', () => {
  it('over the limit the API answers HTTP 405: a RateLimitError, nothing executed', async () => {
    const { emulator, connect } = await namecheapOnEmulator({ rateLimits: true, limits: { minute: 1 } });
    const registrar = connect({ retry: false });
    await registrar.checkAvailability('one-free.com');
    const error = await caught(registrar.checkAvailability('two-free.com'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 405, code: 'rate_limited', operation: 'checkAvailability' });
    expect(emulator.rateLimited()).toBe(1);
  });

  it('a charge refused with 405 is retried (nothing was executed) and charged once', async () => {
    // A minute of 600 ms holding 5 requests.
    const { emulator, connect } = await namecheapOnEmulator({
      rateLimits: true,
      limits: { minute: 5 },
      timeScale: 0.01,
    });
    const registrar = connect({ retry: { retries: 10, minDelayMs: 100, maxDelayMs: 200 } });
    const domain = emulator.seedInfo.ownedDomains[0]!;
    // A renewal is three requests (check, getPricing, renew): the second renewal's renew is the sixth.
    await registrar.renewDomain(domain, { years: 1 });
    await registrar.renewDomain(domain, { years: 1 });
    const renewals = emulator.requests.filter((r) => r.operation === 'renewDomain').map((r) => r.status);
    expect(renewals).toContain(405);
    expect(emulator.ledger.map((e) => e.operation)).toEqual(['renew', 'renew']);
  });

  it('the 2018 over-limit answer (error 500000 in an HTTP 200) is a RateLimitError too', async () => {
    const { connect } = await namecheapOnEmulator({
      rateLimits: true,
      limits: { minute: 1 },
      overLimit: 'xml-500000',
    });
    const registrar = connect({ retry: false });
    await registrar.checkAvailability('one-free.com');
    const error = await caught(registrar.checkAvailability('two-free.com'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited' });
  });

  it('declares the documented limits as sliding windows: 20 a minute, 700 an hour, 8000 a day', async () => {
    // The docs do not say whether the windows are fixed or sliding: the stricter reading.
    const { NAMECHEAP_BUCKETS } = await import('./index.js');
    expect(NAMECHEAP_BUCKETS).toEqual({
      minute: { limit: 20, intervalMs: 60_000, strategy: 'sliding' },
      hour: { limit: 700, intervalMs: 3_600_000, strategy: 'sliding' },
      day: { limit: 8000, intervalMs: 86_400_000, strategy: 'sliding' },
    });
  });

  it("with the adapter's buckets on, a server counting a sliding minute never refuses: 1 call, then 39 at the end of the minute", async () => {
    // A minute of 1.2 s on both sides (the emulator counts a sliding window, as the docs allow).
    const scale = 0.02;
    const { emulator, connect } = await namecheapOnEmulator({ rateLimits: true, timeScale: scale });
    const buckets = Object.fromEntries(
      Object.entries(NAMECHEAP_BUCKETS).map(([name, spec]) => [
        name,
        { ...spec, intervalMs: spec.intervalMs * scale },
      ]),
    );
    const registrar = connect({ retry: false, rateLimit: { buckets } });
    await registrar.checkAvailability('first-free.com');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Fixed windows from the first call would send 19 now and 20 more at 1.2 s: 39 in one sliding minute.
    const results = await Promise.allSettled(
      Array.from({ length: 39 }, (_, i) => registrar.checkAvailability(`late-${i}-free.com`)),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
    expect(emulator.rateLimited()).toBe(0);
    expect(emulator.requests).toHaveLength(40);
  });
});
