/**
 * What every conformance attack shares: a fresh emulator and registrar per attack (a far
 * rate-limit reset or a charge must not leak into the next attack), a bounded wait for a call that
 * a broken adapter would leave pending for ever, counts from the emulator's request log, and the
 * secret check. The rules the attacks hold an adapter to are DESIGN.md's "Promises every adapter
 * keeps"; the exact errors are the project's error contract for hostile servers (issue 14).
 */
import type { CallOptions, Capability, RateLimitOption, Registrar } from '@registrar-kit/core';
import { expect } from 'vitest';
import type {
  CommonEmulatorOptions,
  FaultKind,
  RecordedRequest,
  RunningEmulator,
} from '../../emulator/emulator-types.js';
import { errorRenderings, secretsOf } from '../conformance-helpers.js';

/** Names of the attacks, for `skip` (each is also a conformance check name). */
export const ATTACK_CHECKS = [
  'slowBody',
  'redirect',
  'oversizedBody',
  'nestedErrorBody',
  'farRateLimitReset',
  'echoedCredentials',
  'lyingPages',
  'chargedFollowUp',
  'abortedSlot',
] as const;
export type AttackCheck = (typeof ATTACK_CHECKS)[number];

/**
 * Factory options an attack sets on the registrar under test: `create` hands them on to the
 * adapter's factory (the suite's other checks run with `rateLimit: false`, and a wait asked for by
 * rate-limit headers or a bucket slot only exists with rate limits on).
 */
/**
 * Factory options the suite sets over the adapter's own: `rateLimit` (the attacks on rate
 * limiting), and credential options (the uniformity block removes one, or sets it to '').
 */
export interface FactoryOverrides {
  rateLimit?: RateLimitOption;
  [option: string]: unknown;
}

/** What an attack needs of the suite's options (a `TestRegistrarOptions` is one). */
export interface AttackTarget {
  emulator: (options?: CommonEmulatorOptions) => Promise<RunningEmulator<unknown>>;
  create: (url: string, emulator: RunningEmulator<unknown>, overrides?: FactoryOverrides) => Registrar;
  /** The rate-limit bucket (a key of the factory's `rateLimit.buckets`) of the read `readProbe` makes. */
  readBucket?: string;
}

export interface Arena {
  emulator: RunningEmulator<unknown>;
  registrar: Registrar;
  /** Skips the attack, saying why (a capability or an emulator feature it lacks). */
  skip: (reason: string) => never;
}

/** One attack against one method: skipped (with the capability as the reason) when it is unsupported. */
export interface AttackCase {
  check: AttackCheck;
  title: string;
  /** Capabilities the case needs; `null` = it needs a plain read (`getDomain` or `checkAvailability`). */
  requires: Capability[] | null;
  /** Factory options of the registrar under test (default: none beyond what `create` sets). */
  overrides?: (target: AttackTarget) => FactoryOverrides;
  run: (arena: Arena) => Promise<void>;
}

/** Seed of every attack's emulator: enough domains and records for pages of two. */
export const ARENA_SEED = { domains: 5, recordsPerDomain: 5 } as const;
/** The per-call deadline the attacks pass (`CallOptions.timeoutMs`). */
export const ATTACK_TIMEOUT_MS = 1_000;
/** Scheduling slack allowed on top of a deadline (two cores shared by many test processes). */
export const SLACK_MS = 1_000;
/** The transport's default `maxResponseBytes` (20 MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
/** Longest an attack waits for a call before calling it hung. */
const HUNG_MS = 10_000;

/**
 * Starts a fresh emulator (no rate limits, `ARENA_SEED`) and the registrar under test against it
 * (with `overrides` when given).
 */
export async function withArena(
  target: AttackTarget,
  run: (arena: Arena) => Promise<void>,
  skip: (reason: string) => never = (reason) => {
    throw new Error(`cannot skip here: ${reason}`);
  },
  overrides?: FactoryOverrides,
): Promise<void> {
  const emulator = await target.emulator({ rateLimits: false, seed: { ...ARENA_SEED } });
  try {
    const registrar =
      overrides === undefined
        ? target.create(emulator.url, emulator)
        : target.create(emulator.url, emulator, overrides);
    await run({ emulator, registrar, skip });
  } finally {
    await emulator.close();
  }
}

export interface Settled<T> {
  value?: T;
  error?: unknown;
  /** Time until the call settled (or until it was declared hung). */
  ms: number;
  /** Still pending `HUNG_MS` after it started (even after an abort). */
  hung: boolean;
}

/**
 * Runs a call with an AbortSignal that fires after `HUNG_MS`, and never waits much longer: a call
 * that ignores even the abort is reported `hung` instead of hanging the suite.
 */
export async function settle<T>(run: (signal: AbortSignal) => Promise<T>): Promise<Settled<T>> {
  const controller = new AbortController();
  const started = performance.now();
  const timers: NodeJS.Timeout[] = [];
  const hung = new Promise<Settled<T>>((resolve) => {
    timers.push(setTimeout(() => controller.abort(), HUNG_MS));
    timers.push(setTimeout(() => resolve({ ms: performance.now() - started, hung: true }), HUNG_MS + 2_000));
  });
  const call = run(controller.signal).then(
    (value): Settled<T> => ({ value, ms: performance.now() - started, hung: controller.signal.aborted }),
    (error: unknown): Settled<T> => ({
      error,
      ms: performance.now() - started,
      hung: controller.signal.aborted,
    }),
  );
  try {
    return await Promise.race([call, hung]);
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

/** The error a settled call failed with; fails the test when it succeeded or hung. */
export function failure(settled: Settled<unknown>, what: string): unknown {
  expect(settled.hung, `${what}: still pending after ${HUNG_MS} ms`).toBe(false);
  expect(settled.error, `${what}: resolved instead of failing`).toBeDefined();
  return settled.error;
}

/** Requests the emulator received since `from` (an index into its log), of `operation` when given. */
export function requestsSince(
  emulator: RunningEmulator<unknown>,
  from: number,
  operation?: string,
): RecordedRequest[] {
  const sent = emulator.requests.slice(from);
  return operation === undefined ? sent : sent.filter((request) => request.operation === operation);
}

/** No credential of the emulator in any rendering of the error (message, stack, cause chain, JSON, inspect). */
export function expectNoSecret(error: unknown, emulator: RunningEmulator<unknown>): void {
  const secrets = secretsOf(emulator);
  for (const text of errorRenderings(error))
    for (const secret of secrets)
      expect(text, 'a credential in a rendering of the error').not.toContain(secret);
}

/** Expects a typed error of `errorClass` with `code` (and `status`), and no secret in it; `what` names the case. */
export function expectError(
  error: unknown,
  errorClass: abstract new (...args: never[]) => Error,
  fields: { code?: string; status?: number },
  emulator: RunningEmulator<unknown>,
  what = '',
): void {
  const prefix = what ? `${what}: ` : '';
  expect(error, `${prefix}${describeError(error)}`).toBeInstanceOf(errorClass);
  expect(error, `${prefix}${describeError(error)}`).toMatchObject(fields);
  expectNoSecret(error, emulator);
}

/** A short description of what was thrown, for assertion messages. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${String(error)}`;
  const code = (error as { code?: unknown }).code;
  return `${error.name}${code === undefined ? '' : ` (${String(code)})`}: ${error.message.slice(0, 300)}`;
}

export interface ReadProbe {
  operation: Capability;
  call: (options?: CallOptions) => Promise<unknown>;
}

/** A plain read the registrar supports (`getDomain`, else `checkAvailability`), or null. */
export function readProbe(arena: Arena): ReadProbe | null {
  const { registrar, emulator } = arena;
  const domain = emulator.seedInfo.ownedDomains[0];
  if (registrar.supports('getDomain') && domain)
    return { operation: 'getDomain', call: (options) => registrar.getDomain(domain, options) };
  if (registrar.supports('checkAvailability'))
    return {
      operation: 'checkAvailability',
      call: (options) => registrar.checkAvailability(emulator.seedInfo.availableName, options),
    };
  return null;
}

export type SpendingCapability = 'renewDomain' | 'registerDomain' | 'transferDomain';
/** The spending methods, in the order the attacks try them. */
export const SPENDING_CAPABILITIES: readonly SpendingCapability[] = [
  'renewDomain',
  'registerDomain',
  'transferDomain',
];

/** A spending call with the seeded name it charges for. */
export function spend(
  arena: Arena,
  capability: SpendingCapability,
): { domain: string; call: (options?: CallOptions) => Promise<unknown> } {
  const { registrar, emulator } = arena;
  const info = emulator.seedInfo;
  const contacts = info.contactId === undefined ? {} : { contacts: { registrant: info.contactId } };
  switch (capability) {
    case 'renewDomain': {
      const domain = info.ownedDomains[0]!;
      return { domain, call: (options) => registrar.renewDomain(domain, { years: 1 }, options) };
    }
    case 'registerDomain':
      return {
        domain: info.availableName,
        call: (options) =>
          registrar.registerDomain({ domain: info.availableName, years: 1, ...contacts }, options),
      };
    case 'transferDomain':
      return {
        domain: info.registeredName,
        call: (options) =>
          registrar.transferDomain(
            { domain: info.registeredName, authCode: 'Auth-Code-123', ...contacts },
            options,
          ),
      };
  }
}

/**
 * For each `[status, errorClass]`: the probe answered with `fault(status)` fails with that class and
 * status, no secret in it, sent at most twice (a 401 may be sent again after a credential
 * refresh); `sent` sees the requests of each.
 */
export async function expectStatusClasses(
  arena: Arena,
  cases: readonly (readonly [number, abstract new (...args: never[]) => Error])[],
  fault: (status: number) => FaultKind,
  sent: (requests: RecordedRequest[], status: number, error: unknown) => void = () => {},
): Promise<void> {
  const probe = readProbe(arena)!;
  const { emulator } = arena;
  for (const [status, errorClass] of cases) {
    emulator.setFaults([{ route: probe.operation, fault: fault(status) }]);
    const from = emulator.requests.length;
    const settled = await settle((signal) => probe.call({ signal }));
    const error = failure(settled, `${probe.operation} on ${status}`);
    expectError(error, errorClass, { status }, emulator, `${probe.operation} on ${status}`);
    const requests = requestsSince(emulator, from, probe.operation);
    expect(requests.length).toBeLessThanOrEqual(2);
    sent(requests, status, error);
  }
}
