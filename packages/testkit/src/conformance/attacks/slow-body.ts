/**
 * Headers sent, then a body that drips and never completes: `timeoutMs` bounds the whole attempt,
 * body included (`NetworkError` code `timeout`), and a spending POST is not sent again after it.
 */
import { NetworkError } from '@registrar-kit/core';
import { expect } from 'vitest';
import {
  ATTACK_TIMEOUT_MS,
  type AttackCase,
  expectError,
  failure,
  readProbe,
  requestsSince,
  SLACK_MS,
  SPENDING_CAPABILITIES,
  type SpendingCapability,
  settle,
  spend,
} from './attack-kit.js';

const DRIP = { type: 'drip-body', intervalMs: 100 } as const;
/** A timed-out read may be retried (`retry.retries`, 2 in the suite's setup) but not for ever. */
const MAX_READ_ATTEMPTS = 4;

export function slowBodyAttacks(): AttackCase[] {
  const read: AttackCase = {
    check: 'slowBody',
    title: 'a read whose body drips for ever times out within timeoutMs of each attempt',
    requires: null,
    run: async (arena) => {
      const probe = readProbe(arena)!;
      const { emulator } = arena;
      emulator.setFaults([{ route: probe.operation, fault: DRIP }]);
      const from = emulator.requests.length;
      const settled = await settle((signal) => probe.call({ signal, timeoutMs: ATTACK_TIMEOUT_MS }));
      const ended = Date.now();
      expectError(
        failure(settled, probe.operation),
        NetworkError,
        { code: 'timeout' },
        emulator,
        probe.operation,
      );
      const attempts = requestsSince(emulator, from, probe.operation);
      expect(attempts.length).toBeGreaterThanOrEqual(1);
      expect(attempts.length).toBeLessThanOrEqual(MAX_READ_ATTEMPTS);
      expect(ended - attempts.at(-1)!.at, 'the last attempt outlived timeoutMs').toBeLessThanOrEqual(
        ATTACK_TIMEOUT_MS + SLACK_MS,
      );
    },
  };
  const spending = SPENDING_CAPABILITIES.map(
    (capability: SpendingCapability): AttackCase => ({
      check: 'slowBody',
      title: `${capability}: a charged answer whose body drips times out once and is not sent again`,
      requires: [capability],
      run: async (arena) => {
        const { emulator } = arena;
        const { call, domain } = spend(arena, capability);
        emulator.setFaults([{ route: capability, fault: DRIP }]);
        const from = emulator.requests.length;
        const charges = emulator.ledger.length;
        const settled = await settle((signal) => call({ signal, timeoutMs: ATTACK_TIMEOUT_MS }));
        const ended = Date.now();
        expectError(failure(settled, capability), NetworkError, { code: 'timeout' }, emulator, capability);
        const posts = requestsSince(emulator, from, capability);
        expect(posts, 'the spending request is sent once').toHaveLength(1);
        expect(ended - posts[0]!.at, 'the attempt outlived timeoutMs').toBeLessThanOrEqual(
          ATTACK_TIMEOUT_MS + SLACK_MS,
        );
        expect(emulator.ledger.slice(charges).map((entry) => entry.domain)).toEqual([domain]);
      },
    }),
  );
  return [read, ...spending];
}
