import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { startDomainrEmulator } from './domainr-emulator.js';
import type { DomainrState } from './domainr-state.js';

const CLIENT = 'client_id=domainr-test-client';

interface SearchResult {
  domain: string;
  host: string;
  subdomain: string;
  zone: string;
  path: string;
  registerURL: string;
}

let emulator: RunningEmulator<DomainrState>;
beforeAll(async () => {
  emulator = await startDomainrEmulator();
});
afterAll(() => emulator.close());

async function search(params: string) {
  const res = await fetch(`${emulator.url}/v2/search?${CLIENT}&${params}`);
  return { res, body: (await res.json()) as { results: SearchResult[] } };
}

describe('Domainr v2 GET /v2/search', () => {
  it('answers {results:[{domain, host, subdomain, zone, path, registerURL}]}', async () => {
    const { res, body } = await search('query=acecafe');
    expect(res.status).toBe(200);
    expect(body.results[0]).toEqual({
      domain: 'acecafe.com',
      host: '',
      subdomain: 'acecafe.',
      zone: 'com',
      path: '',
      registerURL: `${emulator.url}/v2/register?domain=acecafe.com&registrar=&source=api`,
    });
    expect(body.results.map((r) => r.domain)).toEqual([
      'acecafe.com',
      'acecafe.net',
      'acecafe.org',
      'acecafe.io',
      'acecafe.dev',
      'acecafe.co.uk',
    ]);
    for (const r of body.results)
      expect(Object.keys(r).sort()).toEqual(['domain', 'host', 'path', 'registerURL', 'subdomain', 'zone']);
  });

  it('joins words, uses a trailing zone word, and finds domain hacks', async () => {
    expect((await search('query=acme%20io')).body.results.slice(0, 2).map((r) => r.domain)).toEqual([
      'acme.io',
      'acmeio.com',
    ]);
    expect((await search('query=mystudio')).body.results[0]).toMatchObject({
      domain: 'mystud.io',
      subdomain: 'mystud.',
      zone: 'io',
    });
  });

  it('puts defaults first, then the location ccTLD, and keeps path leftovers', async () => {
    const { body } = await search('query=acme&defaults=coffee,cafe&location=GB');
    expect(body.results.slice(0, 4).map((r) => r.domain)).toEqual([
      'acme.coffee',
      'acme.cafe',
      'acme.co.uk',
      'acme.com',
    ]);
    const withPath = await search(`query=${encodeURIComponent('acme/blog')}`);
    expect(withPath.body.results[0]).toMatchObject({ domain: 'acme.com', path: '/blog' });
  });

  it('restricts zones to the registrar and carries it into registerURL', async () => {
    const { body } = await search('query=acme&registrar=example-registrar.com');
    expect(body.results).toEqual([
      {
        domain: 'acme.com',
        host: '',
        subdomain: 'acme.',
        zone: 'com',
        path: '',
        registerURL: `${emulator.url}/v2/register?domain=acme.com&registrar=example-registrar.com&source=api`,
      },
    ]);
  });

  it('applies Unicode folding and keeps IDN labels in Unicode', async () => {
    const { body } = await search(`query=${encodeURIComponent('Bücher')}`);
    expect(body.results[0]).toMatchObject({ domain: 'bücher.com', subdomain: 'bücher.', zone: 'com' });
  });

  it('a missing query → 400 {message}; an unauthenticated search → 401', async () => {
    const missing = await fetch(`${emulator.url}/v2/search?${CLIENT}`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ message: 'missing required parameter: query' });
    const denied = await fetch(`${emulator.url}/v2/search?query=acme`);
    expect(denied.status).toBe(401);
  });
});

describe('Domainr v2 GET /v2/register', () => {
  it('redirects (302) to a registrar without credentials, following the registerURL of a search', async () => {
    const { body } = await search('query=acme&registrar=namecheap.com');
    const res = await fetch(body.results[0]!.registerURL, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://namecheap.com/register?domain=acme.com&source=domainr');
  });

  it('defaults to a registrar and rejects an invalid or missing domain with 400 {message}', async () => {
    const ok = await fetch(`${emulator.url}/v2/register?domain=acme.io`, { redirect: 'manual' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('https://dnsimple.com/register?domain=acme.io&source=domainr');
    const bad = await fetch(`${emulator.url}/v2/register?domain=not_valid`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'invalid domain: not_valid' });
    const missing = await fetch(`${emulator.url}/v2/register`, { redirect: 'manual' });
    expect(missing.status).toBe(400);
  });

  it('unknown v2 paths → 404 {message}', async () => {
    const res = await fetch(`${emulator.url}/v2/zones?${CLIENT}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not found' });
  });
});
