/**
 * A 3xx (to another loopback host, or to another path of the same host) is never followed and
 * never success: `ProviderError` code `unexpected_redirect` with the 3xx as `status`, sent once.
 * A trap server at the other host's `Location`, and the emulator's own log, prove nothing was
 * followed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProviderError, toArray } from '@registrar-kit/core';
import { expect } from 'vitest';
import { REDIRECT_HOST } from '../../emulator/hostile-responses.js';
import {
  type Arena,
  type AttackCase,
  expectError,
  failure,
  readProbe,
  requestsSince,
  settle,
} from './attack-kit.js';

const STATUSES = [301, 302, 303, 307, 308] as const;
/** Where the redirects on the API's own host point. */
const SAME_HOST_PATH = '/redirected-here';

/** An HTTP server on another loopback address that counts the requests it gets. */
async function startTrap(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, REDIRECT_HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${REDIRECT_HOST}:${port}/elsewhere`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function expectRedirectRefused(
  arena: Arena,
  operation: string,
  call: (signal: AbortSignal) => Promise<unknown>,
  statuses: readonly (301 | 302 | 303 | 307 | 308)[],
): Promise<void> {
  const { emulator } = arena;
  const trap = await startTrap();
  const sameHost = `${emulator.url}${SAME_HOST_PATH}`;
  try {
    for (const status of statuses)
      for (const location of [trap.url, sameHost]) {
        emulator.setFaults([{ route: operation, fault: { type: 'redirect', status, location } }]);
        const from = emulator.requests.length;
        const settled = await settle(call);
        const what = `${operation} on ${status} to ${location}`;
        expectError(
          failure(settled, what),
          ProviderError,
          { code: 'unexpected_redirect', status },
          emulator,
          what,
        );
        expect(requestsSince(emulator, from, operation), `${what}: not retried`).toHaveLength(1);
      }
    expect(trap.hits(), 'a redirect to another host was followed').toBe(0);
    expect(
      emulator.requests.filter((request) => request.path === SAME_HOST_PATH),
      'a redirect to the same host was followed',
    ).toEqual([]);
  } finally {
    emulator.setFaults([]);
    await trap.close();
  }
}

export function redirectAttacks(): AttackCase[] {
  return [
    {
      check: 'redirect',
      title:
        'a read answered 301/302/303/307/308 (to another host, to the same host) fails with unexpected_redirect',
      requires: null,
      run: async (arena) => {
        const probe = readProbe(arena)!;
        await expectRedirectRefused(arena, probe.operation, (signal) => probe.call({ signal }), STATUSES);
      },
    },
    {
      check: 'redirect',
      title: 'deleteRecord answered 302 (to another host, to the same host) is not a success',
      requires: ['deleteRecord', 'listRecords'],
      run: async (arena) => {
        const zone = arena.emulator.seedInfo.ownedDomains[0]!;
        const [record] = await toArray(arena.registrar.listRecords(zone));
        expect(record, 'a seeded record to delete').toBeDefined();
        await expectRedirectRefused(
          arena,
          'deleteRecord',
          (signal) => arena.registrar.deleteRecord(zone, record!.id, { signal }),
          [302],
        );
      },
    },
  ];
}
