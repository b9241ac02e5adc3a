/**
 * Listings that never end: every later page request answered with the first page again (any
 * provider), and the emulator's own lies (`hostile.lyingPages`: a stated total never reached, a
 * next link that repeats). The listing stops after a bounded number of requests with
 * `ResponseFormatError` code `bad_pagination`; a listing that never met the lie just ends.
 */
import { type Registrar, ResponseFormatError } from '@registrar-kit/core';
import { expect } from 'vitest';
import type { FaultRule, RunningEmulator } from '../../emulator/emulator-types.js';
import { type Arena, type AttackCase, expectError, failure, requestsSince, settle } from './attack-kit.js';

type ListingCapability = 'listDomains' | 'listRecords';
const LISTINGS: readonly ListingCapability[] = ['listDomains', 'listRecords'];
/** Pages of two over the arena's five domains (and five records): three real pages. */
const PAGE_SIZE = 2;
/** The real pages, the default `concurrency` (4) of requests in flight, and room for lookups. */
const MAX_REQUESTS = 12;
/** Past this many requests the listing is deemed endless and aborted. */
const ENDLESS = 60;

function listing(registrar: Registrar, capability: ListingCapability, zone: string, signal: AbortSignal) {
  const options = { pageSize: PAGE_SIZE, signal };
  return capability === 'listDomains' ? registrar.listDomains(options) : registrar.listRecords(zone, options);
}

/** Iterates the listing under `rules`, aborting it once it passes `ENDLESS` requests. */
async function listUnder(arena: Arena, capability: ListingCapability, rules: FaultRule[]) {
  const { emulator, registrar } = arena;
  const zone = emulator.seedInfo.ownedDomains[0]!;
  emulator.setFaults(rules);
  const from = emulator.requests.length;
  const settled = await settle(async (signal) => {
    const stop = new AbortController();
    const both = AbortSignal.any([signal, stop.signal]);
    const items: unknown[] = [];
    for await (const item of listing(registrar, capability, zone, both)) {
      items.push(item);
      if (emulator.requests.length - from > ENDLESS) stop.abort();
    }
    return items;
  });
  emulator.setFaults([]);
  return { settled, sent: requestsSince(emulator, from) };
}

function expectBadPagination(
  emulator: RunningEmulator<unknown>,
  what: string,
  result: Awaited<ReturnType<typeof listUnder>>,
): void {
  expect(result.sent.length, `${what}: requests`).toBeLessThanOrEqual(MAX_REQUESTS);
  expectError(failure(result.settled, what), ResponseFormatError, { code: 'bad_pagination' }, emulator, what);
}

export function lyingPagesAttacks(): AttackCase[] {
  return LISTINGS.flatMap((capability): AttackCase[] => [
    {
      check: 'lyingPages',
      title: `${capability}: every later page answered with the first page again`,
      requires: [capability],
      run: async (arena) => {
        const rules: FaultRule[] = [{ route: capability, fault: { type: 'repeat-first-page' } }];
        const result = await listUnder(arena, capability, rules);
        const repeated = result.sent.filter((request) => request.operation === capability).length > 1;
        if (repeated) expectBadPagination(arena.emulator, `${capability} (first page repeated)`, result);
        else expect(result.settled.error, 'one page: nothing repeated, the listing ends').toBeUndefined();
      },
    },
    {
      check: 'lyingPages',
      title: `${capability}: the provider's own pagination lies (hostile.lyingPages)`,
      requires: [capability],
      run: async (arena) => {
        const scenarios = arena.emulator.hostile?.lyingPages?.(capability) ?? [];
        if (scenarios.length === 0)
          arena.skip(`the emulator has no lying pages for ${capability} (hostile.lyingPages)`);
        for (const scenario of scenarios) {
          const result = await listUnder(arena, capability, scenario.rules);
          expectBadPagination(arena.emulator, `${capability}: ${scenario.name}`, result);
        }
      },
    },
  ]);
}
