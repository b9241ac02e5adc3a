/**
 * Deterministic fault injection. Rules are tried in order; the first rule that matches the route and
 * fires decides the fault. A rule matches by operation name (`createRecord`) or by `METHOD /pattern`
 * exactly as the route was declared (`POST /v2/:account/zones/:zone/records`); no `route` = every route.
 *
 * Firing: a rule with a `sequence` consumes one entry per matching request (`null` = this rule does
 * not fire for that request, later rules are tried); once the sequence is used up the rule fires by
 * `rate` when it has one, else never again. A rule without a sequence fires with probability `rate`
 * (default 1: always). Draws come from the seeded PRNG, so the same seed and the same request order
 * give the same faults. A rule with `afterCharge` is skipped (consumes nothing) until a charge was made
 * since the rules were set.
 */
import type { FaultKind, FaultRule } from './emulator-types.js';
import { createPrng } from './prng.js';

export interface FaultTarget {
  operation: string;
  method: string;
  /** The route pattern as declared, e.g. `/v2/:account/domains`. */
  path: string;
  /** The ledger grew since the rules were set (rules with `afterCharge` apply only then). */
  charged?: boolean;
}

interface RuleCursor {
  rule: FaultRule;
  position: number;
}

export class FaultInjector {
  private cursors: RuleCursor[] = [];
  private readonly random: () => number;

  constructor(rules: FaultRule[] = [], seed = 1) {
    this.random = createPrng(seed);
    this.setRules(rules);
  }

  /** Replaces the rules; sequence positions start again from the beginning. */
  setRules(rules: FaultRule[]): void {
    this.cursors = rules.map((rule) => ({ rule, position: 0 }));
  }

  /** The fault for this request, or null. Advances sequences and the PRNG. */
  next(target: FaultTarget): FaultKind | null {
    for (const cursor of this.cursors) {
      if (!matches(cursor.rule.route, target)) continue;
      if (cursor.rule.afterCharge && !target.charged) continue;
      const fault = this.fire(cursor);
      if (fault) return fault;
    }
    return null;
  }

  private fire(cursor: RuleCursor): FaultKind | null {
    const { rule } = cursor;
    const sequence = rule.sequence;
    if (sequence && cursor.position < sequence.length) {
      const entry = sequence[cursor.position] ?? null;
      cursor.position += 1;
      return entry;
    }
    if (sequence && rule.rate === undefined) return null;
    const rate = rule.rate ?? 1;
    // Always draw (even for rate 0 or 1): the hit pattern depends only on the order of matching requests.
    const hit = this.random() < rate;
    if (!hit || rule.fault === undefined) return null;
    if (!Array.isArray(rule.fault)) return rule.fault;
    if (rule.fault.length === 0) return null;
    const index = Math.min(rule.fault.length - 1, Math.floor(this.random() * rule.fault.length));
    return rule.fault[index] ?? null;
  }
}

function matches(route: string | undefined, target: FaultTarget): boolean {
  if (route === undefined) return true;
  if (route === target.operation) return true;
  const space = route.indexOf(' ');
  if (space < 0) return false;
  return (
    route.slice(0, space).toUpperCase() === target.method && route.slice(space + 1).trim() === target.path
  );
}
