import { describe, expect, it } from 'vitest';
import {
  NAMECHEAP_TEST_API_KEY,
  NAMECHEAP_TEST_API_USER,
  NAMECHEAP_TEST_CLIENT_IP,
} from './namecheap-emulator.js';
import { emulatorStarter, GLOBALS, nc } from './namecheap-test-client.js';

const start = emulatorStarter();

const GET_LIST = 'namecheap.domains.getList';

describe('Namecheap emulator: global parameters and authentication', () => {
  it('checks the global parameters in order, each with its documented number', async () => {
    const emulator = await start();
    const cases: [Record<string, string | null>, string | null, string, string][] = [
      [{ ApiUser: null }, GET_LIST, '1010101', 'Parameter ApiUser is missing'],
      [{ ApiKey: null }, GET_LIST, '1010102', 'Parameter APIKey is missing'],
      [{}, null, '1010104', 'Parameter Command is missing'],
      [{ ClientIp: null }, GET_LIST, '1010105', 'Parameter ClientIp is missing'],
      [{ ClientIp: '2001:db8::1' }, GET_LIST, '1011105', 'Parameter ClientIp is invalid'],
      [{ ApiKey: 'wrong' }, GET_LIST, '1011102', 'API Key is invalid or API access has not been enabled'],
      [
        { ApiUser: 'someone-else' },
        GET_LIST,
        '1011102',
        'API Key is invalid or API access has not been enabled',
      ],
      [{ UserName: null }, GET_LIST, '1010103', 'Parameter UserName is missing'],
      [{ UserName: 'other-user' }, GET_LIST, '1016103', 'UserName is unauthorized'],
    ];
    for (const [globals, command, number, text] of cases) {
      const res = await nc(emulator, command, {}, { globals });
      expect(res.status, number).toBe(200);
      expect(res.ok).toBe(false);
      expect(res.errors).toEqual([{ number, text }]);
      // Authentication errors: empty RequestedCommand, no CommandResponse, ExecutionTime 0.
      expect(res.text).toContain('<RequestedCommand/>');
      expect(res.command).toBeUndefined();
      expect(res.response.ExecutionTime).toBe('0');
    }
    expect(emulator.state.ledger).toHaveLength(0);
  });

  it('accepts parameter names and the command in any case, and the ApiUser in any case', async () => {
    const emulator = await start();
    const params = new URLSearchParams({
      apiuser: NAMECHEAP_TEST_API_USER.toUpperCase(),
      APIKEY: NAMECHEAP_TEST_API_KEY,
      username: NAMECHEAP_TEST_API_USER,
      ClientIP: NAMECHEAP_TEST_CLIENT_IP,
      command: 'NAMECHEAP.Domains.GETLIST',
    });
    const text = await (await fetch(`${emulator.url}/xml.response?${params}`)).text();
    expect(text).toContain('<ApiResponse Status="OK"');
    expect(text).toContain('<RequestedCommand>namecheap.domains.getlist</RequestedCommand>');
    expect(text).toContain('<CommandResponse Type="namecheap.domains.getList">');
  });

  it('merges the query string and a form body (globals in the URL, the rest in the body, as lexicon sends)', async () => {
    const emulator = await start();
    const query = new URLSearchParams({ ...GLOBALS, Command: 'namecheap.domains.getInfo' });
    const res = await fetch(`${emulator.url}/xml.response?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'DomainName=test-domain-1.com',
    });
    expect(await res.text()).toContain('DomainName="test-domain-1.com"');
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'getDomain', method: 'POST' });
  });

  it('answers an unknown command with 1011104 after authentication', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getSomething');
    expect(res.errors).toEqual([{ number: '1011104', text: 'Parameter Command is invalid' }]);
    expect(res.response.RequestedCommand).toBe('namecheap.domains.getsomething');
    const unauthenticated = await nc(
      emulator,
      'namecheap.domains.getSomething',
      {},
      { globals: { ApiKey: 'x' } },
    );
    expect(unauthenticated.errors[0]!.number).toBe('1011102');
  });
});

describe('Namecheap emulator: IP whitelist', () => {
  it('a ClientIp that is not whitelisted gets 1011150 naming that address', async () => {
    const emulator = await start();
    const res = await nc(emulator, GET_LIST, {}, { globals: { ClientIp: '198.51.100.7' } });
    expect(res.errors).toEqual([{ number: '1011150', text: 'Invalid request IP: 198.51.100.7' }]);
    expect(res.command).toBeUndefined();
  });

  it('checks the TCP peer too: a whitelist without 127.0.0.1 refuses loopback callers whatever ClientIp says', async () => {
    const emulator = await start({ whitelist: [NAMECHEAP_TEST_CLIENT_IP] });
    const res = await nc(emulator, GET_LIST);
    expect(res.errors).toEqual([{ number: '1011150', text: 'Invalid request IP: 127.0.0.1' }]);
  });

  it("ipCheck 'peer' ignores the ClientIp value (any IPv4 works, as DNSControl's 127.0.0.1 default does live)", async () => {
    const emulator = await start({ ipCheck: 'peer' });
    expect((await nc(emulator, GET_LIST, {}, { globals: { ClientIp: '198.51.100.7' } })).ok).toBe(true);
  });

  it("ipCheck 'client-ip' checks only the parameter", async () => {
    const emulator = await start({ ipCheck: 'client-ip', whitelist: ['192.0.2.44'] });
    expect((await nc(emulator, GET_LIST, {}, { globals: { ClientIp: '192.0.2.44' } })).ok).toBe(true);
    expect((await nc(emulator, GET_LIST)).errors[0]!.number).toBe('1011150');
  });
});

describe('Namecheap emulator: envelope', () => {
  it('answers HTTP 200 text/xml with the IIS headers, CRLF lines and the documented element order', async () => {
    const emulator = await start();
    const res = await nc(emulator, GET_LIST);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(res.headers.get('server')).toBe('Microsoft-IIS/8.5');
    expect(res.headers.get('x-powered-by')).toBe('ASP.NET');
    expect(
      res.text.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\r\n<ApiResponse Status="OK" xmlns="http://api.namecheap.com/xml.response">\r\n',
      ),
    ).toBe(true);
    expect(Object.keys(res.response).filter((k) => !k.startsWith('@_'))).toEqual([
      'Errors',
      'Warnings',
      'RequestedCommand',
      'CommandResponse',
      'Server',
      'GMTTimeDifference',
      'ExecutionTime',
    ]);
    expect(res.response.GMTTimeDifference).toBe('--4:00');
    expect(res.response.ExecutionTime).toMatch(/^\d+\.\d{3}$/);
  });

  it('an API error is HTTP 200, Status ERROR, with the command echoed and a CommandResponse', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.getRegistrarLock', { DomainName: 'not-mine.com' });
    expect(res.status).toBe(200);
    expect(res.response['@_Status']).toBe('ERROR');
    expect(res.errors).toEqual([
      {
        number: '2019166',
        text: "The domain (not-mine.com) doesn't seem to be associated with your account.",
      },
    ]);
    expect(res.response.RequestedCommand).toBe('namecheap.domains.getregistrarlock');
    expect(res.command['@_Type']).toBe('namecheap.domains.getRegistrarLock');
  });

  it('an injected fault keeps the XML envelope and its HTTP status', async () => {
    const emulator = await start();
    emulator.setFaults([{ route: 'getDomain', sequence: [{ type: 'error', status: 401 }] }]);
    const res = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'test-domain-1.com' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(res.errors).toEqual([{ number: '5050900', text: 'Authentication failed (HTTP 401)' }]);
  });

  it('malformed-json truncates the XML (not parseable) under text/xml', async () => {
    const emulator = await start();
    emulator.setFaults([{ route: 'listDomains', sequence: [{ type: 'malformed-json' }] }]);
    const res = await nc(emulator, GET_LIST);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(res.text.startsWith('<?xml')).toBe(true);
    expect(res.text).not.toContain('</ApiResponse>');
  });
});

describe('Namecheap emulator: rate limits', () => {
  it('20 requests per minute, then HTTP 405 with an empty text/html body, nothing executed', async () => {
    const emulator = await start();
    for (let i = 0; i < 20; i++) expect((await nc(emulator, GET_LIST)).ok).toBe(true);
    const before = emulator.state.balance();
    const refused = await nc(emulator, 'namecheap.domains.renew', {
      DomainName: 'test-domain-1.com',
      Years: 1,
    });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('content-type')).toBe('text/html');
    expect(refused.text).toBe('');
    expect(emulator.state.balance()).toBe(before);
    expect(emulator.ledger).toHaveLength(0);
    expect(emulator.rateLimited()).toBe(1);
  });

  it('the minute, hour and day windows all count (scaled by timeScale)', async () => {
    // minute: 3 per 60 ms, hour: 5 per 3.6 s, day: 1000 per 86.4 s.
    const emulator = await start({ timeScale: 0.001, limits: { minute: 3, hour: 5, day: 1000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await nc(emulator, GET_LIST)).status);
    statuses.push((await nc(emulator, GET_LIST)).status);
    await new Promise((resolve) => setTimeout(resolve, 80));
    for (let i = 0; i < 3; i++) statuses.push((await nc(emulator, GET_LIST)).status);
    expect(statuses).toEqual([200, 200, 200, 405, 200, 200, 405]);
  });

  it('the documented defaults are 20/minute, 700/hour, 8000/day', async () => {
    const { namecheapBuckets } = await import('./namecheap-emulator.js');
    expect(namecheapBuckets()).toEqual({
      minute: { limit: 20, intervalMs: 60_000 },
      hour: { limit: 700, intervalMs: 3_600_000 },
      day: { limit: 8000, intervalMs: 86_400_000 },
    });
  });

  it("overLimit 'xml-500000' answers the 2018 form: HTTP 200 with error 500000", async () => {
    const emulator = await start({ limits: { minute: 1 }, overLimit: 'xml-500000' });
    await nc(emulator, GET_LIST);
    const refused = await nc(emulator, GET_LIST);
    expect(refused.status).toBe(200);
    expect(refused.errors).toEqual([{ number: '500000', text: 'Too many requests' }]);
    expect(emulator.rateLimited()).toBe(1);
  });

  it('requests refused by authentication do not use up the budget', async () => {
    const emulator = await start({ limits: { minute: 1 } });
    for (let i = 0; i < 3; i++) await nc(emulator, GET_LIST, {}, { globals: { ApiKey: 'bad' } });
    expect((await nc(emulator, GET_LIST)).ok).toBe(true);
  });
});

describe('Namecheap emulator: sandbox and production', () => {
  it('production names a production server, charges the balance and the ledger', async () => {
    const emulator = await start();
    const res = await nc(emulator, 'namecheap.domains.renew', { DomainName: 'test-domain-1.com', Years: 1 });
    expect(res.response.Server).toBe('PHX01APIEXT03');
    expect(emulator.ledger).toMatchObject([
      { operation: 'renew', domain: 'test-domain-1.com', amount: '12.99' },
    ]);
    expect(emulator.state.balance()).toBe('99987.01');
  });

  it('the sandbox names a sandbox server and moves no money (same answers, no ledger, balance unchanged)', async () => {
    const emulator = await start({ sandbox: true });
    const res = await nc(emulator, 'namecheap.domains.renew', { DomainName: 'test-domain-1.com', Years: 1 });
    expect(res.response.Server).toBe('PHX01SBAPIEXT01');
    expect(res.command.DomainRenewResult['@_ChargedAmount']).toBe('12.9900');
    expect(emulator.ledger).toHaveLength(0);
    expect(emulator.state.balance()).toBe('100000.00');
  });

  it('production without API access enabled answers 1011102; the sandbox needs no enabling', async () => {
    const production = await start({ apiAccessEnabled: false });
    expect((await nc(production, GET_LIST)).errors[0]!.number).toBe('1011102');
    const sandbox = await start({ apiAccessEnabled: false, sandbox: true });
    expect((await nc(sandbox, GET_LIST)).ok).toBe(true);
  });

  it('reports its credentials as the factory option names', async () => {
    const emulator = await start({ apiUser: 'me', apiKey: 'k'.repeat(32), clientIp: '192.0.2.5' });
    expect(emulator.seedInfo.credentials).toEqual({
      apiUser: 'me',
      apiKey: 'k'.repeat(32),
      userName: 'me',
      clientIp: '192.0.2.5',
    });
    expect(emulator.seedInfo.currency).toBe('USD');
  });
});
