/**
 * The attacks block of the conformance suite: every hostile behaviour of issue 14 against the
 * registrar under test, one small file per behaviour. An attack on a method the registrar does
 * not support is skipped with that capability as the reason.
 */
import type { TestContext } from 'vitest';
import { abortedSlotAttacks } from './aborted-slot.js';
import { type AttackCase, type AttackTarget, readProbe, withArena } from './attack-kit.js';
import { chargedFollowUpAttacks } from './charged-follow-up.js';
import { echoedCredentialsAttacks } from './echoed-credentials.js';
import { farRateLimitResetAttacks } from './far-rate-limit-reset.js';
import { lyingPagesAttacks } from './lying-pages.js';
import { nestedErrorBodyAttacks } from './nested-error-body.js';
import { oversizedBodyAttacks } from './oversized-body.js';
import { redirectAttacks } from './redirect.js';
import { slowBodyAttacks } from './slow-body.js';

export function attackCases(target: AttackTarget): AttackCase[] {
  return [
    ...slowBodyAttacks(),
    ...redirectAttacks(),
    ...oversizedBodyAttacks(),
    ...nestedErrorBodyAttacks(),
    ...farRateLimitResetAttacks(),
    ...echoedCredentialsAttacks(),
    ...lyingPagesAttacks(),
    ...chargedFollowUpAttacks(target),
    ...abortedSlotAttacks(target),
  ];
}

/** Runs one attack in a fresh arena, or skips it naming the capability the registrar lacks. */
export function runAttack(target: AttackTarget, attack: AttackCase, context: TestContext): Promise<void> {
  const skip = (reason: string): never => context.skip(reason);
  return withArena(
    target,
    async (arena) => {
      const missing =
        attack.requires === null
          ? readProbe(arena)
            ? []
            : ['getDomain', 'checkAvailability']
          : attack.requires.filter((capability) => !arena.registrar.supports(capability));
      if (missing.length > 0)
        skip(
          `${arena.registrar.provider} does not support ${missing.join(attack.requires ? ', ' : ' nor ')}`,
        );
      await attack.run(arena);
    },
    skip,
    attack.overrides?.(target),
  );
}
