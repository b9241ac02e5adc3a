/**
 * Once the provider has charged, the call resolves: every request after the charge fails (500, or
 * a connection reset), yet the spending call returns its result (fields it could not read `null`)
 * with exactly one ledger charge, so nothing invites a second purchase. Where the emulator can
 * answer orders as completed at once (`hostile.completeOrdersAtOnce`), that is tried as well: a
 * completed order is where a client reads on (the new expiry, the domain).
 */
import { RegistrationSchema, RenewResultSchema, TransferSchema } from '@registrar-kit/core';
import { expect } from 'vitest';
import type { FaultKind } from '../../emulator/emulator-types.js';
import {
  type Arena,
  type AttackCase,
  type AttackTarget,
  describeError,
  requestsSince,
  SPENDING_CAPABILITIES,
  type SpendingCapability,
  settle,
  spend,
  withArena,
} from './attack-kit.js';

const RESULT_SCHEMAS = {
  renewDomain: RenewResultSchema,
  registerDomain: RegistrationSchema,
  transferDomain: TransferSchema,
} as const;

const FOLLOW_UP_FAILURES: FaultKind[] = [{ type: 'status', status: 500 }, { type: 'reset-before' }];

async function chargeThenFail(
  arena: Arena,
  capability: SpendingCapability,
  fault: FaultKind,
  completeAtOnce: boolean,
): Promise<void> {
  const { emulator } = arena;
  if (completeAtOnce) emulator.hostile?.completeOrdersAtOnce?.();
  const { call, domain } = spend(arena, capability);
  emulator.setFaults([{ afterCharge: true, fault }]);
  const from = emulator.requests.length;
  const charges = emulator.ledger.length;
  const settled = await settle((signal) => call({ signal }));
  const what = `${capability}${completeAtOnce ? ' (completed at once)' : ''}, follow-ups failing with ${
    fault.type === 'status' ? fault.status : fault.type
  }`;
  expect(settled.hung, `${what}: still pending`).toBe(false);
  expect(settled.error, `${what}: ${describeError(settled.error)}`).toBeUndefined();
  expect(
    emulator.ledger.slice(charges).map((entry) => entry.domain),
    `${what}: charges`,
  ).toEqual([domain]);
  expect(requestsSince(emulator, from, capability), `${what}: spending requests`).toHaveLength(1);
  const result = RESULT_SCHEMAS[capability].safeParse(settled.value);
  expect(result.success, `${what}: ${result.error?.message}`).toBe(true);
  expect(result.data?.domain).toBe(domain);
}

export function chargedFollowUpAttacks(target: AttackTarget): AttackCase[] {
  return SPENDING_CAPABILITIES.map(
    (capability): AttackCase => ({
      check: 'chargedFollowUp',
      title: `${capability}: every request after the charge fails (500, reset), the call still resolves, charged once`,
      requires: [capability],
      run: async (first) => {
        const modes = first.emulator.hostile?.completeOrdersAtOnce ? [false, true] : [false];
        let arena: Arena | null = first;
        for (const completeAtOnce of modes) {
          for (const fault of FOLLOW_UP_FAILURES) {
            // A fresh emulator for every run after the first: a name is bought only once.
            if (arena) await chargeThenFail(arena, capability, fault, completeAtOnce);
            else await withArena(target, (fresh) => chargeThenFail(fresh, capability, fault, completeAtOnce));
            arena = null;
          }
        }
      },
    }),
  );
}
