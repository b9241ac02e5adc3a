/**
 * PocketDNS as the gaining registrar of a shared TransferRegistry: a transfer in of a name Glauca
 * holds ends `failed` when the registry refuses it (wrong code, transfer lock) and `completed` with
 * the code Glauca returns, after which Glauca no longer lists the name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TransferRegistry } from '../emulator/transfer-registry.js';
import { startGlaucaEmulator } from '../glauca/glauca-emulator.js';
import { glaucaClient } from '../glauca/glauca-test-client.js';
import { POCKETDNS_DEFAULT_USER, startPocketDnsEmulator } from './pocketdns-emulator.js';
import { call } from './pocketdns-test-client.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const NAME = 'test-domain-1.com';

async function setup() {
  const registry = new TransferRegistry();
  const glauca = await startGlaucaEmulator({ registry });
  const pocketdns = await startPocketDnsEmulator({ registry, seed: { domains: 0 } });
  closers.push(
    () => glauca.close(),
    () => pocketdns.close(),
  );
  const g = glaucaClient(glauca.url);
  const domain = (await g('GET', '/api/domains/')).body.find((x: { domain: string }) => x.domain === NAME);
  return { registry, glauca, pocketdns, g, domain };
}

async function transferAndPoll(pocketdns: Awaited<ReturnType<typeof setup>>['pocketdns'], authCode: string) {
  const started = await call(pocketdns, 'POST', '/api/v1/domains/transfer', {
    body: { domain_name: NAME, user_identifier: POCKETDNS_DEFAULT_USER, auth_code: authCode },
  });
  expect(started.status).toBe(201);
  const path = `/api/v1/domains/transfers/${started.body.transfer_id}`;
  const states: string[] = [];
  for (let i = 0; i < 2; i++) states.push((await call(pocketdns, 'GET', path)).body.status);
  return states;
}

describe('PocketDNS emulator with a shared TransferRegistry', () => {
  it('sees a name Glauca holds as registered (availability)', async () => {
    const { pocketdns } = await setup();
    const res = await call(pocketdns, 'GET', `/api/v1/domains/availability/${NAME}`);
    expect(res.body).toMatchObject({ domain_name: NAME, available: false, price: null });
  });

  it('a wrong code and a transfer lock end failed; the code Glauca returns completes and Glauca releases the name', async () => {
    const { registry, pocketdns, g, domain } = await setup();
    expect(await transferAndPoll(pocketdns, 'not-the-code')).toEqual(['in_progress', 'failed']);

    await g('PATCH', `/api/domains/${domain.id}/`, { block_transfer: true });
    expect(await transferAndPoll(pocketdns, domain.auth_info)).toEqual(['in_progress', 'failed']);
    await g('PATCH', `/api/domains/${domain.id}/`, { block_transfer: false });

    expect(await transferAndPoll(pocketdns, domain.auth_info)).toEqual(['in_progress', 'completed']);
    expect(pocketdns.state.domainByName(NAME)).toMatchObject({
      name: NAME,
      userIdentifier: POCKETDNS_DEFAULT_USER,
    });
    expect((await g('GET', '/api/domains/')).body.map((x: { domain: string }) => x.domain)).not.toContain(
      NAME,
    );
    expect(registry.transfers.map((t) => [t.name, t.from, t.to])).toEqual([[NAME, 'glauca', 'pocketdns']]);
    // A name PocketDNS holds shows no auth code at the registry (PocketDNS publishes none).
    expect(registry.sponsorOf(NAME)).toMatchObject({ id: 'pocketdns', view: { authCode: null } });
  });
});
