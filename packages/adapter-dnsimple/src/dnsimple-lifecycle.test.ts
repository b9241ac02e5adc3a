/**
 * The lifecycle against the emulator answering as DNSimple does: auth codes are e-mailed, a
 * renewal's expiry reads the same from `renewDomain` and `getRenewal`, and a domain being
 * transferred in (DNSimple's `hosted` with a registrant) is `transferring` (issue 16 corrections).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requestsTo, startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

describe('getAuthCode', () => {
  it('asks DNSimple to e-mail the code: delivery emailed, authCode null, the domain unlocked', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const name = emulator.seedInfo.ownedDomains[0]!;
    expect(await dnsimple.getAuthCode(name)).toEqual({
      provider: 'dnsimple',
      domain: name,
      authCode: null,
      delivery: 'emailed',
    });
    expect(
      requestsTo(emulator, 'POST', `/v2/1010/registrar/domains/${name}/authorize_transfer_out`),
    ).toHaveLength(1);
    expect(emulator.state.emailedAuthCodes.get(name)).toMatch(/\S/);
    expect((await dnsimple.getDomain(name)).transferLock).toBe(false);
  });
});

describe('renewals: renewDomain and getRenewal agree on expiresAt', () => {
  it('renewed on a later poll: getRenewal reads the new expiry, as renewDomain does when renewed at once', async () => {
    const { emulator, dnsimple } = await startDnsimple({ completion: { polls: 1 } });
    const name = emulator.seedInfo.ownedDomains[0]!;
    const before = (await dnsimple.getDomain(name)).expiresAt!;
    const started = await dnsimple.renewDomain(name, { years: 2 });
    expect(started).toMatchObject({ status: 'pending', expiresAt: null });
    const done = await dnsimple.getRenewal(name, String((started.raw as { id: number }).id));
    const expected = new Date(before);
    expected.setUTCFullYear(expected.getUTCFullYear() + 2);
    expect(done).toMatchObject({ status: 'completed', expiresAt: expected });
    expect(done.expiresAt).toEqual((await dnsimple.getDomain(name)).expiresAt);
  });

  it('a completed renewal whose domain read fails still resolves, expiresAt null', async () => {
    const { emulator, dnsimple } = await startDnsimple({ completion: { polls: 1 } });
    const name = emulator.seedInfo.ownedDomains[0]!;
    const started = await dnsimple.renewDomain(name, { years: 1 });
    emulator.setFaults([{ route: 'getDomain', rate: 1, fault: { type: 'status', status: 500 } }]);
    const done = await dnsimple.getRenewal(name, String((started.raw as { id: number }).id));
    expect(done).toMatchObject({ status: 'completed', expiresAt: null });
  });
});

describe('a domain being transferred in', () => {
  it('is transferring while DNSimple shows it hosted with its registrant, active once transferred', async () => {
    const { emulator, dnsimple } = await startDnsimple({ completion: { polls: 2 } }, { registrantId: 1 });
    const transfer = await dnsimple.transferDomain({ domain: 'registered-name.com', authCode: 'code' });
    const during = await dnsimple.getDomain('registered-name.com');
    expect(during).toMatchObject({ status: 'transferring', providerStatus: ['hosted'], expiresAt: null });
    expect((await dnsimple.getTransfer(transfer.id)).status).toBe('in_progress');
    expect((await dnsimple.getTransfer(transfer.id)).status).toBe('completed');
    expect(await dnsimple.getDomain('registered-name.com')).toMatchObject({
      status: 'active',
      providerStatus: ['registered'],
    });
    // A zone added for DNS only has no registrant: hosted.
    await dnsimple.createZone('dns-only.com');
    expect((await dnsimple.getDomain('dns-only.com')).status).toBe('hosted');
    expect(emulator.ledger.map((e) => e.operation)).toEqual(['transfer']);
  });
});
