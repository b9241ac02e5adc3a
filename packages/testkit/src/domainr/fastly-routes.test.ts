import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { type DomainrEmulatorOptions, startDomainrEmulator } from './domainr-emulator.js';
import type { DomainrState } from './domainr-state.js';

const KEY = { 'Fastly-Key': 'fastly-test-token' };

let emulator: RunningEmulator<DomainrState> | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: DomainrEmulatorOptions = {}) {
  emulator = await startDomainrEmulator(options);
  return emulator;
}

async function tool(name: 'status' | 'suggest', params: string) {
  const res = await fetch(`${emulator!.url}/domain-management/v1/tools/${name}?${params}`, { headers: KEY });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Fastly GET /domain-management/v1/tools/status', () => {
  it('answers a flat object {domain, zone, status, tags} without summary or scope by default', async () => {
    await start();
    expect(await tool('status', 'domain=acmecoffee.com')).toEqual({
      status: 200,
      body: { domain: 'acmecoffee.com', zone: 'com', status: 'undelegated inactive', tags: '' },
    });
    expect((await tool('status', 'domain=registered-name.com')).body.status).toBe('active');
    expect((await tool('status', 'domain=premium-name.com')).body.status).toBe(
      'undelegated inactive premium',
    );
  });

  it('carries aftermarket offers {vendor, price (string), currency} for marketed names', async () => {
    await start();
    expect((await tool('status', 'domain=marketed-name.com')).body).toEqual({
      domain: 'marketed-name.com',
      zone: 'com',
      status: 'active marketed',
      tags: '',
      offers: [{ vendor: 'ExampleAftermarket', price: '2500.00', currency: 'USD' }],
    });
    expect((await tool('status', 'domain=transferable-name.com')).body.offers).toEqual([
      { vendor: 'ExampleAftermarket', price: '990.00', currency: 'USD' },
    ]);
    expect((await tool('status', 'domain=parked-name.com')).body).not.toHaveProperty('offers');
  });

  it('offers with every field optional: no price, "2,500.00", an empty offer; an answer without domain and zone', async () => {
    await start();
    expect((await tool('status', 'domain=offer-without-price.com')).body.offers).toEqual([
      { vendor: 'ExampleAftermarket', currency: 'USD' },
      { vendor: 'ExampleAftermarket', price: '1500.00', currency: 'USD' },
    ]);
    expect((await tool('status', 'domain=offer-comma-price.com')).body.offers).toEqual([
      { vendor: 'ExampleAftermarket', price: '2,500.00', currency: 'USD' },
    ]);
    expect((await tool('status', 'domain=offer-empty.com')).body.offers).toEqual([{}]);
    expect(await tool('status', 'domain=sparse-answer.com')).toEqual({
      status: 200,
      body: { status: 'active', tags: '' },
    });
    expect(await tool('status', 'domain=no-status-answer.com')).toEqual({
      status: 200,
      body: { domain: 'no-status-answer.com', zone: 'com', tags: '' },
    });
  });

  it('scope=estimate drops registry-level flags and echoes scope; precise is the default', async () => {
    const e = await start();
    expect((await tool('status', 'domain=available-name.com&scope=estimate')).body).toEqual({
      domain: 'available-name.com',
      zone: 'com',
      status: 'undelegated',
      tags: '',
      scope: 'estimate',
    });
    expect((await tool('status', 'domain=premium-active-name.com&scope=estimate')).body.status).toBe(
      'active',
    );
    expect((await tool('status', 'domain=claimed-name.com&scope=estimate')).body.status).toBe('undelegated');
    expect((await tool('status', 'domain=marketed-name.com&scope=estimate')).body.status).toBe(
      'active marketed',
    );
    expect((await tool('status', 'domain=available-name.com&scope=precise')).body).toMatchObject({
      status: 'undelegated inactive',
      scope: 'precise',
    });
    expect(e.state.fastlyUsage).toEqual({ suggest: 0, statusPrecise: 1, statusEstimated: 4 });
    expect(e.ledger).toEqual([]);
  });

  it('takes exactly one domain: a list, a missing domain or an unknown scope → 400 {msg, detail}', async () => {
    await start();
    expect(await tool('status', 'domain=a.com,b.com')).toEqual({
      status: 400,
      body: { msg: 'Bad request', detail: 'exactly one domain per request' },
    });
    expect(await tool('status', '')).toEqual({
      status: 400,
      body: { msg: 'Bad request', detail: 'missing required parameter: domain' },
    });
    expect(await tool('status', 'domain=a.com&scope=fuzzy')).toEqual({
      status: 400,
      body: { msg: 'Bad request', detail: 'invalid scope: fuzzy' },
    });
  });

  it('uses the same flag vocabulary for zones, invalid and unknown-TLD names', async () => {
    await start();
    expect((await tool('status', 'domain=com')).body.status).toBe('active zone tld');
    expect((await tool('status', `domain=${'a'.repeat(64)}.com`)).body.status).toBe('invalid');
    expect((await tool('status', 'domain=x.notazone')).body.status).toBe('undelegated unregistrable');
  });

  it('answers 403 {msg, detail} while the product is not enabled', async () => {
    const e = await start({ fastlyProductEnabled: false });
    const forbidden = {
      status: 403,
      body: { msg: 'Forbidden', detail: 'Domain Research is not enabled for this account' },
    };
    expect(await tool('status', 'domain=a.com')).toEqual(forbidden);
    expect(await tool('suggest', 'query=acme')).toEqual(forbidden);
    e.state.fastlyProductEnabled = true;
    expect((await tool('status', 'domain=a.com')).status).toBe(200);
  });
});

describe('Fastly GET /domain-management/v1/tools/suggest', () => {
  it('answers {results:[{domain, subdomain, zone, path}]} with no host, registerURL or availability', async () => {
    const e = await start();
    const { status, body } = await tool('suggest', 'query=acme');
    expect(status).toBe(200);
    const results = body.results as Record<string, unknown>[];
    expect(results[0]).toEqual({ domain: 'acme.com', subdomain: 'acme.', zone: 'com', path: '' });
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['domain', 'path', 'subdomain', 'zone']);
    expect(e.state.fastlyUsage.suggest).toBe(1);
  });

  it('honours defaults, location, vendor and keywords', async () => {
    await start();
    const { body } = await tool(
      'suggest',
      'query=acme&defaults=shop&location=uk&vendor=namecheap.com&keywords=hub',
    );
    // `shop` is not sold by namecheap.com in the emulator, so the vendor filter removes it.
    expect((body.results as { domain: string }[]).map((r) => r.domain)).toEqual([
      'acme.co.uk',
      'acme.com',
      'acme.net',
      'acme.org',
      'acme.io',
      'acmehub.co.uk',
    ]);
  });

  it('a missing query → 400 {msg, detail}', async () => {
    await start();
    expect(await tool('suggest', 'keywords=x')).toEqual({
      status: 400,
      body: { msg: 'Bad request', detail: 'missing required parameter: query' },
    });
  });
});

describe("server-generated errors on Fastly paths use Fastly's body", () => {
  it('an unknown Fastly route and an injected error answer { msg }, v2 answers { message }', async () => {
    await start({ faults: [{ route: 'GET /v2/status', sequence: [{ type: 'error', status: 500 }] }] });
    const unknown = await fetch(`${emulator!.url}/domain-management/v1/tools/nope`, { headers: KEY });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ msg: 'Not found' });
    const v2 = await fetch(`${emulator!.url}/v2/status?domain=a.com&client_id=domainr-test-client`);
    expect(v2.status).toBe(500);
    expect(Object.keys((await v2.json()) as object)).toEqual(['message']);
  });
});
