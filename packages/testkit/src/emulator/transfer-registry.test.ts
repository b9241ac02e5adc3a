/**
 * Moving a domain between two emulators wired to one TransferRegistry, through plain HTTP:
 * Glauca → DNSimple (the code Glauca returns) and DNSimple → Glauca (the code DNSimple e-mails),
 * refused with each provider's own error for a wrong code, a transfer lock, a registry lock and the
 * 60-day lock, and completed on later polls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDnsimpleEmulator } from '../dnsimple/dnsimple-emulator.js';
import { dnsimpleClient } from '../dnsimple/dnsimple-test-client.js';
import { startGlaucaEmulator } from '../glauca/glauca-emulator.js';
import { glaucaClient } from '../glauca/glauca-test-client.js';
import { TransferRegistry } from './transfer-registry.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const NAME = 'test-domain-1.com';
const DNSIMPLE_REG = '/v2/1010/registrar/domains';

async function pair(
  registry: TransferRegistry,
  side: 'glauca-holds' | 'dnsimple-holds',
  glaucaOptions: Parameters<typeof startGlaucaEmulator>[0] = {},
  dnsimpleOptions: Parameters<typeof startDnsimpleEmulator>[0] = {},
) {
  // The holder has the standard portfolio; the other side starts without domains.
  const glauca = await startGlaucaEmulator({
    registry,
    ...(side === 'glauca-holds' ? {} : { seed: { domains: 0 } }),
    ...glaucaOptions,
  });
  const dnsimple = await startDnsimpleEmulator({
    registry,
    ...(side === 'dnsimple-holds' ? {} : { seed: { domains: 0 } }),
    ...dnsimpleOptions,
  });
  closers.push(
    () => glauca.close(),
    () => dnsimple.close(),
  );
  return { glauca, dnsimple, g: glaucaClient(glauca.url), d: dnsimpleClient(dnsimple) };
}

async function glaucaDomain(g: ReturnType<typeof glaucaClient>, name: string) {
  return (await g('GET', '/api/domains/')).body.find((x: { domain: string }) => x.domain === name);
}

describe('TransferRegistry: Glauca → DNSimple', () => {
  it('refuses a wrong code and a locked domain, accepts the code Glauca returns, completes on a later poll', async () => {
    const registry = new TransferRegistry();
    const { glauca, dnsimple, g, d } = await pair(registry, 'glauca-holds', {}, { completion: { polls: 2 } });
    // DNS first: the domain is added to DNSimple as hosted.
    expect((await d('POST', '/v2/1010/domains', { name: NAME })).status).toBe(201);

    const wrong = await d('POST', `${DNSIMPLE_REG}/${NAME}/transfers`, {
      registrant_id: 1,
      auth_code: 'wrong',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({
      message: 'Validation failed',
      errors: { base: [`The authorization code for the domain ${NAME} is not valid`] },
    });

    const domain = await glaucaDomain(g, NAME);
    await g('PATCH', `/api/domains/${domain.id}/`, { block_transfer: true });
    const locked = await d('POST', `${DNSIMPLE_REG}/${NAME}/transfers`, {
      registrant_id: 1,
      auth_code: domain.auth_info,
    });
    expect(locked.json.errors.base).toEqual([`The domain ${NAME} is locked at the current registrar`]);
    expect(dnsimple.ledger).toEqual([]);

    await g('PATCH', `/api/domains/${domain.id}/`, { block_transfer: false });
    const started = await d('POST', `${DNSIMPLE_REG}/${NAME}/transfers`, {
      registrant_id: 1,
      auth_code: domain.auth_info,
    });
    expect(started.status).toBe(201);
    expect(started.json.data.state).toBe('transferring');
    const path = `${DNSIMPLE_REG}/${NAME}/transfers/${started.json.data.id}`;
    expect((await d('GET', path)).json.data.state).toBe('transferring');
    // Still Glauca's until the transfer completes.
    expect(await glaucaDomain(g, NAME)).toBeDefined();
    expect((await d('GET', path)).json.data.state).toBe('transferred');
    expect((await d('GET', `/v2/1010/domains/${NAME}`)).json.data.state).toBe('registered');
    expect(await glaucaDomain(g, NAME)).toBeUndefined();
    expect(registry.transfers.map((t) => [t.name, t.from, t.to])).toEqual([[NAME, 'glauca', 'dnsimple']]);
    expect(dnsimple.ledger.map((e) => [e.operation, e.domain])).toEqual([['transfer', NAME]]);
    expect(glauca.ledger).toEqual([]);
  });

  it('refuses a registry-locked domain and one inside the 60-day lock until the lock has passed', async () => {
    const registry = new TransferRegistry();
    const { g, d } = await pair(registry, 'glauca-holds', {
      seed: { domains: 4, idnDomain: false },
      domainStates: { 'test-domain-2.com': 'registry-locked' },
      domainDates: {
        'test-domain-3.com': { lastTransferred: new Date(Date.now() - 10 * 86_400_000).toISOString() },
      },
    });
    const transfer = async (name: string) =>
      d('POST', `${DNSIMPLE_REG}/${name}/transfers`, {
        registrant_id: 1,
        auth_code: (await glaucaDomain(g, name)).auth_info,
      });
    expect((await transfer('test-domain-2.com')).json.errors.base).toEqual([
      'The domain test-domain-2.com is locked by the registry',
    ]);
    expect((await transfer('test-domain-3.com')).json.errors.base).toEqual([
      'The domain test-domain-3.com was registered or transferred less than 60 days ago and cannot be transferred yet',
    ]);
    registry.setNow(() => new Date(Date.now() + 51 * 86_400_000));
    expect((await transfer('test-domain-3.com')).status).toBe(201);
    registry.setRegistryLock('test-domain-1.com', true);
    expect((await transfer('test-domain-1.com')).json.errors.base).toEqual([
      'The domain test-domain-1.com is locked by the registry',
    ]);
  });
});

describe('TransferRegistry: DNSimple → Glauca', () => {
  const order = (registrant: string, authCode: string) => ({
    domain: NAME,
    auth_code: authCode,
    registrant,
    admin_contact: null,
    billing_contact: null,
    tech_contact: null,
  });

  it('the transfer lock and a wrong code fail the order; the code DNSimple e-mails completes it', async () => {
    const registry = new TransferRegistry();
    const { glauca, dnsimple, g, d } = await pair(registry, 'dnsimple-holds');
    const registrant = glauca.state.defaultContactId;
    // Registered domains are transfer-locked at DNSimple.
    const locked = await g('POST', '/api/domain_transfer_orders/', order(registrant, 'anything'));
    expect(locked.status).toBe(201);
    expect(locked.body).toMatchObject({ state: 'failed', last_error: 'Object status prohibits operation' });

    expect((await d('POST', `${DNSIMPLE_REG}/${NAME}/authorize_transfer_out`)).status).toBe(204);
    const emailed = dnsimple.state.emailedAuthCodes.get(NAME)!;
    const wrong = await g('POST', '/api/domain_transfer_orders/', order(registrant, 'not-the-code'));
    expect(wrong.body).toMatchObject({ state: 'failed', last_error: 'Invalid authorization code' });
    expect(glauca.ledger).toEqual([]);

    const ok = await g('POST', '/api/domain_transfer_orders/', order(registrant, emailed));
    expect(ok.body).toMatchObject({ state: 'started', last_error: null, auth_code: emailed });
    const path = new URL(ok.body.url).pathname;
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await g('GET', path)).body.state);
    expect(states).toEqual(['processing', 'pending_approval', 'completed']);
    expect(await glaucaDomain(g, NAME)).toMatchObject({ domain: NAME, registrant });
    // DNSimple keeps the zone as DNS hosting only.
    expect((await d('GET', `/v2/1010/domains/${NAME}`)).json.data).toMatchObject({
      state: 'hosted',
      registrant_id: null,
      expires_at: null,
    });
    expect(glauca.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['transfer', NAME, '12.99'],
    ]);
    expect(registry.transfers.map((t) => [t.from, t.to])).toEqual([['dnsimple', 'glauca']]);
  });

  it('availability and check_transfer see a name held at the other emulator as registered', async () => {
    const registry = new TransferRegistry();
    const { g } = await pair(registry, 'dnsimple-holds');
    const check = await g('POST', '/api/domains/check/', { domain: NAME, period: { unit: 'y', value: 1 } });
    expect(check.body).toEqual({ domain: NAME, available: false, reason: 'In use', price: null });
    const transfer = await g('POST', '/api/domains/check_transfer/', {
      domain: NAME,
      period: { unit: 'y', value: 1 },
    });
    // DNSimple holds it transfer-locked.
    expect(transfer.body).toEqual({
      domain: NAME,
      available: false,
      reason: 'Domain not eligible for transfer',
      price: null,
    });
  });
});
