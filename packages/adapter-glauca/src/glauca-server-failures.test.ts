/**
 * The failures Glauca's published server source shows (docs/providers/glauca.md#server-failures),
 * each against the emulator's `sourceBugs` mode that answers as that source does: the error says
 * what failed and what the user can do, with the exact class and code.
 */
import {
  NotFoundError,
  PermissionError,
  ProviderError,
  type RegistrarError,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import type { GlaucaSourceBug } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from './test/glauca-fixtures.js';
import { emulatorPerTest, glauca } from './test/glauca-test-setup.js';

const startEmulator = emulatorPerTest();
afterEach(() => nock.cleanAll());

async function withBug(bug: GlaucaSourceBug) {
  const { emulator, glauca } = await startEmulator(
    { instantOrders: true, sourceBugs: [bug], seed: { domains: 3, recordsPerDomain: 1 } },
    (e) => ({ contacts: { registrant: e.state.defaultContactId } }),
  );
  return { running: emulator, glauca, owned: emulator.seedInfo.ownedDomains[0]! };
}

async function failure(call: () => Promise<unknown>): Promise<RegistrarError> {
  const error = await call().then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  return error as RegistrarError;
}

describe('answers of the published source, explained', () => {
  it('domain-update-500: updateDomain is a ProviderError domain_update_failed pointing at the web UI, sent once', async () => {
    const { running, glauca, owned } = await withBug('domain-update-500');
    const error = await failure(() => glauca.updateDomain(owned, { transferLock: true }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      provider: 'glauca',
      operation: 'updateDomain',
      code: 'domain_update_failed',
      status: 500,
    });
    expect(error.message).toMatch(/^glauca updateDomain: Glauca answered 500 .*domain update.*web UI/);
    expect(running.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    const ds = await failure(() =>
      glauca.setDsRecords(owned, [{ keyTag: 1, algorithm: 13, digestType: 2, digest: 'AB' }]),
    );
    expect(ds).toMatchObject({ operation: 'setDsRecords', code: 'domain_update_failed' });
  });

  it('zone-json-500: listRecords and getZone are ProviderError zone_unreadable', async () => {
    const { glauca, owned } = await withBug('zone-json-500');
    const listing = await failure(() => toArray(glauca.listRecords(owned)));
    expect(listing).toBeInstanceOf(ProviderError);
    expect(listing).toMatchObject({ operation: 'listRecords', code: 'zone_unreadable', status: 500 });
    expect(listing.message).toMatch(/HexDNS answered 500 while rendering a zone.*HexDNS web UI/);
    expect(await failure(() => glauca.getZone(owned))).toMatchObject({
      operation: 'getZone',
      code: 'zone_unreadable',
    });
  });

  it('record-create-permission: createRecord is a PermissionError record_create_refused; createRecords reports it per record', async () => {
    const { glauca, owned } = await withBug('record-create-permission');
    const error = await failure(() =>
      glauca.createRecord(owned, { type: 'A', name: 'www', content: '192.0.2.1' }),
    );
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ operation: 'createRecord', code: 'record_create_refused', status: 403 });
    expect(error.message).toMatch(/HexDNS refused to create the record.*web UI/);
    const bulk = await glauca.createRecords(owned, [{ type: 'TXT', name: 'x', content: 'y' }]);
    expect(bulk.errors.map((e) => e.error.code)).toEqual(['record_create_refused']);
  });

  it('check-renew-500: getPrice renew is ProviderError renew_price_unavailable; renewDomain with maxPrice refuses with nothing charged, without it renews', async () => {
    const { running, glauca, owned } = await withBug('check-renew-500');
    const price = await failure(() => glauca.getPrice(owned, { operation: 'renew' }));
    expect(price).toBeInstanceOf(ProviderError);
    expect(price).toMatchObject({ operation: 'getPrice', code: 'renew_price_unavailable', status: 500 });
    expect(price.message).toMatch(/check_renew.*renewDomain without maxPrice/);
    const charged = running.ledger.length;
    const guarded = await failure(() =>
      glauca.renewDomain(owned, { years: 1, maxPrice: { amount: '100.00', currency: 'GBP' } }),
    );
    expect(guarded).toMatchObject({ operation: 'renewDomain', code: 'renew_price_unavailable' });
    expect(running.ledger.length).toBe(charged);
    expect(running.requests.filter((r) => r.operation === 'renewDomain')).toHaveLength(0);
    expect(await glauca.renewDomain(owned, { years: 1 })).toMatchObject({ status: 'completed' });
    expect(running.ledger.length).toBe(charged + 1);
  });

  it('malformed-id-500: an id that is no Glauca id is NotFoundError malformed_id (the server gave 500)', async () => {
    const { glauca } = await withBug('malformed-id-500');
    const error = await failure(() => glauca.getDomain('12345'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operation: 'getDomain', code: 'malformed_id', status: 500 });
    expect(error.message).toMatch(/"12345": it is not a Glauca id/);
    expect(await failure(() => glauca.getTransfer('not-an-order'))).toMatchObject({
      name: 'NotFoundError',
      code: 'malformed_id',
    });
  });

  it('order-price-lookup-500: an order for a zone Glauca does not sell is ProviderError order_price_lookup_failed, nothing charged', async () => {
    const { running, glauca } = await withBug('order-price-lookup-500');
    const error = await failure(() => glauca.registerDomain({ domain: 'name.unsold-tld' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ operation: 'registerDomain', code: 'order_price_lookup_failed' });
    expect(error.message).toMatch(/pricing the order.*checkAvailability or getPrice first/);
    expect(running.ledger).toEqual([]);
    expect(running.requests.filter((r) => r.operation === 'registerDomain')).toHaveLength(1);
  });

  it('order-domain-obj: a transfer still names the domain it created (domain_id), not the order', async () => {
    const { running, glauca } = await withBug('order-domain-obj');
    const transfer = await glauca.transferDomain({
      domain: running.seedInfo.registeredName,
      authCode: 'abc',
    });
    expect(transfer.status).toBe('completed');
    expect((transfer.raw as { domain_obj: string }).domain_obj).toBe(transfer.id);
    expect(transfer.domainId).not.toBe(transfer.id);
    expect((await glauca.getDomain(transfer.domainId!)).name).toBe(running.seedInfo.registeredName);
  });

  it('zone-create-delete-500: createZone is ProviderError zone_create_failed', async () => {
    const { glauca } = await withBug('zone-create-delete-500');
    const error = await failure(() => glauca.createZone('new-zone-here.com'));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ operation: 'createZone', code: 'zone_create_failed', status: 500 });
  });

  it('contact-create-500: createContact is ProviderError contact_create_failed, and the address it made is removed', async () => {
    const { running, glauca } = await withBug('contact-create-500');
    const addresses = running.state.contactAddresses.size;
    const error = await failure(() =>
      glauca.createContact({
        firstName: 'Jo',
        lastName: 'Bloggs',
        email: 'jo@example.com',
        phone: '+44.2071234567',
        address1: '1 Road',
        city: 'Leeds',
        postalCode: 'LS1 1AA',
        country: 'GB',
      }),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ operation: 'createContact', code: 'contact_create_failed' });
    expect(error.message).toMatch(/web UI .* pass its id/);
    expect(running.state.contactAddresses.size).toBe(addresses);
  });

  it('check-period-500: a 500 HTML page to check is ProviderError check_failed (every period the adapter sends is sold in the emulator, so nock answers)', async () => {
    nock(API).post('/api/domains/check/').reply(500, '<html>Server Error (500)</html>');
    const error = await failure(() => glauca({ retry: false }).checkAvailability('example.com'));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ operation: 'checkAvailability', code: 'check_failed', status: 500 });
  });

  it("a registry failure passed on as JSON 500 stays the registry's ProviderError (not explained as a server bug)", async () => {
    nock(API)
      .patch('/api/domains/domains_domainregistration_631a9f986f2045a09468d599f318133a/')
      .reply(500, { detail: 'Error communicating with regitry: timeout' });
    const error = await failure(() =>
      glauca().updateDomain('domains_domainregistration_631a9f986f2045a09468d599f318133a', {
        transferLock: true,
      }),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_error', status: 500 });
    expect(error.message).toContain('Error communicating with regitry: timeout');
  });

  it('without the bugs the same calls succeed (the mode, not the adapter, fails them)', async () => {
    const { emulator, glauca: registrar } = await startEmulator({
      seed: { domains: 2, recordsPerDomain: 1 },
    });
    const owned = emulator.seedInfo.ownedDomains[0]!;
    await expect(registrar.updateDomain(owned, { transferLock: true })).resolves.toMatchObject({
      transferLock: true,
    });
    await expect(toArray(registrar.listRecords(owned))).resolves.toHaveLength(1);
    await expect(registrar.getDomain('12345')).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'not_found',
    });
    await expect(registrar.getPrice(owned, { operation: 'renew' })).resolves.toMatchObject({
      operation: 'renew',
    });
    await expect(registrar.getPrice('x.com', { years: 11 })).rejects.toThrow(ValidationError);
  });
});
