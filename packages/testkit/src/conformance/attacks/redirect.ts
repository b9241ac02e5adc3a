/**
 * A 3xx (to another loopback host) is never followed and never success: `ProviderError` code
 * `unexpected_redirect` with the 3xx as `status`, sent once. A trap server at the `Location`
 * proves nothing was followed.
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
  try {
    for (const status of statuses) {
      emulator.setFaults([{ route: operation, fault: { type: 'redirect', status, location: trap.url } }]);
      const from = emulator.requests.length;
      const settled = await settle(call);
      expectError(
        failure(settled, `${operation} on ${status}`),
        ProviderError,
        { code: 'unexpected_redirect', status },
        emulator,
      );
      expect(requestsSince(emulator, from, operation), `${status} is not retried`).toHaveLength(1);
    }
    expect(trap.hits(), 'a redirect was followed').toBe(0);
  } finally {
    emulator.setFaults([]);
    await trap.close();
  }
}

export function redirectAttacks(): AttackCase[] {
  return [
    {
      check: 'redirect',
      title: 'a read answered 301/302/303/307/308 to another host fails with unexpected_redirect',
      requires: null,
      run: async (arena) => {
        const probe = readProbe(arena)!;
        await expectRedirectRefused(arena, probe.operation, (signal) => probe.call({ signal }), STATUSES);
      },
    },
    {
      check: 'redirect',
      title: 'deleteRecord answered 302 is not a success',
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
