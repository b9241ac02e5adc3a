import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import { domainAt, memoryRegistrar, mutations, serverError } from '../test/memory-registrar.js';
import { moveDomain } from './move-domain.js';
import type { MoveStep } from './move-report.js';

const DOMAIN = 'example.com';
const NOW = () => new Date('2026-12-07T00:00:00Z');

function setup(options: { emailed?: boolean; fromDomain?: Parameters<typeof domainAt>[2] } = {}) {
  const from = memoryRegistrar({
    provider: 'losing',
    authCodeDelivery: options.emailed ? 'emailed' : 'returned',
  });
  const to = memoryRegistrar({ provider: 'gaining', nameservers: ['ns1.gaining.test', 'ns2.gaining.test'] });
  from.state.domains.set(DOMAIN, domainAt('losing', DOMAIN, options.fromDomain));
  from.state.authCodes.set(DOMAIN, 'CODE-123');
  from.state.records.set(DOMAIN, []);
  return { from, to };
}

async function seedRecords(from: ReturnType<typeof setup>['from']) {
  await from.createRecord(DOMAIN, { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 });
  await from.createRecord(DOMAIN, {
    type: 'MX',
    name: '@',
    content: 'mx.example.net',
    priority: 10,
    ttl: 300,
  });
  await from.createRecord(DOMAIN, { type: 'NS', name: '@', content: 'ns1.losing.test', ttl: 300 });
  await from.createRecord(DOMAIN, { type: 'TXT', name: 'www', content: 'hello world', ttl: 300 });
  from.state.calls.length = 0;
}

const statuses = (steps: MoveStep[]) => steps.map((step) => `${step.name}:${step.status}`);

describe('moveDomain', () => {
  it('copies DNS first, then unlocks, fetches the code and starts the transfer', async () => {
    const { from, to } = setup();
    await seedRecords(from);
    const seen: string[] = [];
    const report = await moveDomain({
      from,
      to,
      domain: 'Example.COM.',
      switchNameservers: true,
      now: NOW,
      onStep: (step) => seen.push(step.name),
    });
    expect(report.state).toBe('transfer_started');
    expect(statuses(report.steps)).toEqual([
      'preflight:done',
      'price:done',
      'zone:done',
      'records:done',
      'nameservers:done',
      'unlock:done',
      'auth_code:done',
      'transfer:done',
    ]);
    expect(seen).toEqual(report.steps.map((step) => step.name));
    // Apex NS of the old host is not copied; the rest is.
    expect(
      to.state.records
        .get(DOMAIN)
        ?.map((r) => `${r.name} ${r.type} ${r.content}`)
        .sort(),
    ).toEqual(['@ A 192.0.2.1', '@ MX mx.example.net', 'www TXT hello world']);
    expect(from.state.domains.get(DOMAIN)?.nameservers).toEqual(['ns1.gaining.test', 'ns2.gaining.test']);
    expect(from.state.domains.get(DOMAIN)?.transferLock).toBe(false);
    expect(report.transfer?.raw).toEqual({ authCode: 'CODE-123' });
    // DNS before the transfer: the order of the changes.
    expect(mutations(from).map(([m]) => m)).toEqual(['updateDomain', 'updateDomain', 'getAuthCode']);
    expect(mutations(to).map(([m]) => m)).toEqual([
      'createZone',
      'createRecord',
      'createRecord',
      'createRecord',
      'transferDomain',
    ]);
  });

  it('a dry run makes reads only and returns the plan', async () => {
    const { from, to } = setup();
    await seedRecords(from);
    const report = await moveDomain({
      from,
      to,
      domain: DOMAIN,
      switchNameservers: true,
      dryRun: true,
      now: NOW,
    });
    expect(report.state).toBe('planned');
    expect(mutations(from)).toEqual([]);
    expect(mutations(to)).toEqual([]);
    expect(report.steps.find((s) => s.name === 'records')?.detail).toBe(
      'dry run: would create 3 and update 0 records at gaining',
    );
    expect(statuses(report.steps)).toEqual([
      'preflight:done',
      'price:done',
      'zone:skipped',
      'records:skipped',
      'nameservers:skipped',
      'unlock:skipped',
      'auth_code:skipped',
      'transfer:skipped',
    ]);
  });

  it('resumes after a failure without repeating a completed step, and starts the transfer once', async () => {
    const { from, to } = setup();
    await seedRecords(from);
    from.state.failNext.set('updateDomain', serverError('losing', 'updateDomain'));
    const first = await moveDomain({ from, to, domain: DOMAIN, now: NOW });
    expect(first.state).toBe('failed');
    const failed = first.steps.at(-1);
    expect(failed).toMatchObject({ name: 'unlock', status: 'failed' });
    expect(failed?.error?.status).toBe(500);
    expect(to.state.records.get(DOMAIN)).toHaveLength(3);

    to.state.calls.length = 0;
    const second = await moveDomain({ from, to, domain: DOMAIN, now: NOW });
    expect(second.state).toBe('transfer_started');
    expect(second.steps.find((s) => s.name === 'records')?.detail).toBe(
      'the 3 records are already at gaining',
    );
    expect(mutations(to).map(([m]) => m)).toEqual(['transferDomain']);

    // A third run finds the transfer under way and changes nothing.
    from.state.calls.length = 0;
    to.state.calls.length = 0;
    const third = await moveDomain({ from, to, domain: DOMAIN, now: NOW });
    expect(third.state).toBe('transfer_started');
    expect(mutations(from)).toEqual([]);
    expect(mutations(to)).toEqual([]);
    expect(to.state.transfers.size).toBe(1);
  });

  it('waits for an e-mailed auth code, then resumes with authCode', async () => {
    const { from, to } = setup({ emailed: true });
    const waiting = await moveDomain({ from, to, domain: DOMAIN, now: NOW });
    expect(waiting.state).toBe('waiting_for_auth_code');
    expect(waiting.steps.at(-1)).toMatchObject({ name: 'auth_code', status: 'waiting' });
    expect(to.state.transfers.size).toBe(0);
    const resumed = await moveDomain({ from, to, domain: DOMAIN, authCode: 'FROM-EMAIL', now: NOW });
    expect(resumed.state).toBe('transfer_started');
    expect(resumed.transfer?.raw).toEqual({ authCode: 'FROM-EMAIL' });
  });

  it.each([
    ['a registry lock', { providerStatus: ['serverTransferProhibited'] }, /serverTransferProhibited/],
    ['registration under 60 days ago', { createdAt: new Date('2026-11-01T00:00:00Z') }, /60 days/],
    ['expiry within the window', { expiresAt: new Date('2026-12-10T00:00:00Z') }, /renew it first/],
    ['redemption', { status: 'redemption' as const }, /redemption/],
  ])('refuses before changing anything: %s', async (_label, fromDomain, reason) => {
    const { from, to } = setup({ fromDomain });
    const report = await moveDomain({ from, to, domain: DOMAIN, now: NOW });
    expect(report.state).toBe('refused');
    expect(report.steps.at(-1)?.detail).toMatch(reason);
    expect(mutations(from)).toEqual([]);
    expect(mutations(to)).toEqual([]);
  });

  it('refuses a price above maxPrice or in another currency', async () => {
    const { from, to } = setup();
    const above = await moveDomain({
      from,
      to,
      domain: DOMAIN,
      maxPrice: { amount: '9.99', currency: 'USD' },
      now: NOW,
    });
    expect(above.state).toBe('refused');
    expect(above.steps.at(-1)?.detail).toBe('the transfer costs 10.00 USD, above maxPrice 9.99 USD');
    const currency = await moveDomain({
      from,
      to,
      domain: DOMAIN,
      maxPrice: { amount: '99', currency: 'GBP' },
      now: NOW,
    });
    expect(currency.state).toBe('refused');
    expect(mutations(to)).toEqual([]);
  });

  it('passes maxPrice on to transferDomain, the guard at the moment of spending', async () => {
    const { from } = setup();
    const to = memoryRegistrar({ provider: 'gaining', without: ['getPrice'] });
    const inputs: unknown[] = [];
    const transferDomain = to.transferDomain.bind(to);
    to.transferDomain = (input, options) => {
      inputs.push(input);
      return transferDomain(input, options);
    };
    const maxPrice = { amount: '20.00', currency: 'USD' };
    const report = await moveDomain({ from, to, domain: DOMAIN, maxPrice, now: NOW });
    expect(report.steps[1]).toMatchObject({ name: 'price', status: 'skipped' });
    expect(report.state).toBe('transfer_started');
    expect(inputs).toEqual([{ domain: DOMAIN, authCode: 'CODE-123', maxPrice }]);
  });

  it('a gaining registrar that quotes only unlocked names: with maxPrice, the price is left to transferDomain after the unlock', async () => {
    const { from, to } = setup({ fromDomain: { transferLock: true } });
    const getPrice = to.getPrice.bind(to);
    to.getPrice = async (name, options) => {
      if ((from.state.domains.get(DOMAIN) as { transferLock: boolean }).transferLock)
        throw new ValidationError('gaining getPrice: no transfer price: Domain not eligible for transfer', {
          provider: 'gaining',
          operation: 'getPrice',
        });
      return getPrice(name, options);
    };
    const maxPrice = { amount: '20.00', currency: 'USD' };
    const report = await moveDomain({ from, to, domain: DOMAIN, maxPrice, now: NOW });
    expect(report.steps[1]).toMatchObject({
      name: 'price',
      status: 'skipped',
      detail:
        'no transfer price from gaining while the domain is locked at losing (gaining getPrice: no transfer price: Domain not eligible for transfer); transferDomain checks maxPrice once it is unlocked, before anything is charged',
    });
    expect(report.state).toBe('transfer_started');
  });

  it('copies DNS to a separate DNS host when dnsTo is given', async () => {
    const { from, to } = setup();
    await seedRecords(from);
    const dns = memoryRegistrar({ provider: 'dnshost' });
    const report = await moveDomain({ from, to, dnsTo: dns, domain: DOMAIN, now: NOW });
    expect(report.state).toBe('transfer_started');
    expect(dns.state.records.get(DOMAIN)).toHaveLength(3);
    expect(to.state.records.get(DOMAIN)).toBeUndefined();
  });

  it('throws ValidationError for invalid arguments', async () => {
    const { from, to } = setup();
    await expect(moveDomain({ from, to: from, domain: DOMAIN })).rejects.toBeInstanceOf(ValidationError);
    await expect(moveDomain({ from, to, domain: 'not a domain' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      moveDomain({ from, to, domain: DOMAIN, maxPrice: { amount: '-1', currency: 'USD' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    const noTransfers = memoryRegistrar({ provider: 'dnsonly', without: ['transferDomain'] });
    await expect(moveDomain({ from, to: noTransfers, domain: DOMAIN })).rejects.toThrow(
      /cannot take transfers/,
    );
  });
});
