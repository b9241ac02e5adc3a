import {
  AuthenticationError,
  CAPABILITIES,
  type Capability,
  ConflictError,
  type DnsRecord,
  type DnsRecordInput,
  DnsRecordSchema,
  DomainSchema,
  isRegistrarError,
  LIST_CAPABILITIES,
  NetworkError,
  NotFoundError,
  PermissionError,
  ProviderError,
  type ProviderInfo,
  RateLimitError,
  type Registrar,
  toArray,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { CommonEmulatorOptions, RunningEmulator } from '../emulator/emulator-types.js';
import { ATTACK_CHECKS, type FactoryOverrides } from './attacks/attack-kit.js';
import { attackCases, runAttack } from './attacks/attacks.js';
import { caught, errorRenderings, readCall, secretsOf } from './conformance-helpers.js';
import { describeUniformity } from './uniformity.js';

/** Names of the checks, for `skip`. */
export const CONFORMANCE_CHECKS = [
  'listing',
  'getDomain',
  'updateDomain',
  'availability',
  'prices',
  'records',
  'idnRecords',
  'bulk',
  'errors',
  'retryAfter',
  'abort',
  'unsupported',
  'secrets',
  'noDoubleCharge',
  // The attacks block: hostile servers (attacks/*.ts).
  ...ATTACK_CHECKS,
] as const;
export type ConformanceCheck = (typeof CONFORMANCE_CHECKS)[number];

export interface TestRegistrarOptions {
  /** Title of the suite. */
  name: string;
  /** Starts the provider's emulator (the suite passes seed and fault options). */
  emulator: (options?: CommonEmulatorOptions) => Promise<RunningEmulator<unknown>>;
  /**
   * Builds the adapter against an emulator url. Use the emulator's default credentials
   * (`emulator.seedInfo.credentials`), keep retries on (the suite checks Retry-After) with short
   * delays, e.g. `retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }`, and `rateLimit: false`.
   * Spread `overrides` last into the factory's options: the attacks on rate limiting turn the
   * limiter on with them.
   */
  create: (url: string, emulator: RunningEmulator<unknown>, overrides?: FactoryOverrides) => Registrar;
  /**
   * The rate-limit bucket (a key of the factory's `rateLimit.buckets`) of the plain read the
   * attacks use: `getDomain`, else `checkAvailability`. The attack on aborted calls limits it.
   */
  readBucket?: string;
  /** Checks to skip, each with the reason (printed in the test name). */
  skip?: Partial<Record<ConformanceCheck, string>>;
  /** Per-test timeout in ms (default 20 s). */
  timeoutMs?: number;
  /**
   * The adapter's `providerInfo` (credential options and variables): runs the "uniformity" block
   * (missing and empty credentials, provider and operation on every error, `close()`).
   */
  providerInfo?: ProviderInfo;
}

const RECORD_CASES: { label: string; input: DnsRecordInput; content?: string }[] = [
  { label: 'A at the apex', input: { type: 'A', name: '@', content: '192.0.2.10', ttl: 3600 } },
  {
    label: 'AAAA (canonical form)',
    input: { type: 'AAAA', name: 'v6', content: '2001:DB8:0:0:0:0:0:10', ttl: 3600 },
    content: '2001:db8::10',
  },
  {
    label: 'CNAME',
    input: { type: 'CNAME', name: 'alias', content: 'Target.Example.NET.', ttl: 3600 },
    content: 'target.example.net',
  },
  {
    label: 'MX with priority',
    input: { type: 'MX', name: 'mail', content: 'mx.example.net', priority: 20, ttl: 3600 },
  },
  {
    label: 'TXT of 255 characters',
    input: { type: 'TXT', name: 'txt255', content: 'a'.repeat(255), ttl: 3600 },
  },
  {
    label: 'TXT of 256 characters',
    input: { type: 'TXT', name: 'txt256', content: 'b'.repeat(256), ttl: 3600 },
  },
  {
    label: 'TXT of 600 characters',
    input: { type: 'TXT', name: 'txt600', content: `v=test ${'c'.repeat(593)}`, ttl: 3600 },
  },
  {
    label: 'SRV',
    input: { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.net', priority: 10, ttl: 3600 },
  },
  { label: 'CAA', input: { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"', ttl: 3600 } },
  { label: 'NS delegation', input: { type: 'NS', name: 'sub', content: 'ns1.example.net', ttl: 3600 } },
];

/** Time for one attack: a few calls, each bounded by the attack's own 10 s hang guard. */
const ATTACK_TEST_TIMEOUT_MS = 60_000;

/** True when the adapter refused the record type itself (a provider without that type). */
function unsupportedType(error: unknown): boolean {
  return error instanceof ValidationError && error.issues.some((issue) => issue.path === 'type');
}

/**
 * The conformance suite every adapter runs against its emulator: one call gives an adapter the
 * tests every `Registrar` must pass. Call it at the top level of a vitest file.
 */
export function testRegistrar(options: TestRegistrarOptions): void {
  const skip = options.skip ?? {};
  const timeout = options.timeoutMs ?? 20_000;
  const check = (
    name: ConformanceCheck,
    title: string,
    fn: (context: TestContext) => Promise<void>,
    ms = timeout,
  ) => {
    const reason = skip[name];
    if (reason) it.skip(`${title} (skipped: ${reason})`, fn);
    else it(title, fn, ms);
  };

  describe(`Registrar conformance: ${options.name}`, () => {
    let emulator: RunningEmulator<unknown>;
    let registrar: Registrar;

    beforeAll(async () => {
      emulator = await options.emulator({ rateLimits: false, seed: { domains: 5, recordsPerDomain: 3 } });
      registrar = options.create(emulator.url, emulator);
    });
    afterAll(async () => {
      await emulator?.close();
    });

    const requires = (capability: Capability) => registrar.supports(capability);

    if (options.providerInfo) describeUniformity(options, options.providerInfo, timeout);

    check('listing', 'lists every domain across page boundaries, in a valid model', async () => {
      if (!requires('listDomains')) return;
      const big = await options.emulator({ rateLimits: false, seed: { domains: 101, recordsPerDomain: 0 } });
      try {
        const adapter = options.create(big.url, big);
        const domains = await toArray(adapter.listDomains({ pageSize: 50 }));
        expect(domains.map((d) => d.name).sort()).toEqual([...big.seedInfo.ownedDomains].sort());
        for (const domain of domains) expect(DomainSchema.parse(domain)).toBeTruthy();
        expect(new Set(domains.map((d) => d.id)).size).toBe(101);
        const empty = await options.emulator({ rateLimits: false, seed: { domains: 0 } });
        try {
          expect(await toArray(options.create(empty.url, empty).listDomains())).toEqual([]);
        } finally {
          await empty.close();
        }
      } finally {
        await big.close();
      }
    });

    check(
      'getDomain',
      'gets a domain by name (any case, trailing dot), by id and by Unicode name',
      async () => {
        if (!requires('getDomain')) return;
        const name = emulator.seedInfo.ownedDomains[0]!;
        const byName = await registrar.getDomain(name);
        expect(DomainSchema.parse(byName)).toBeTruthy();
        expect(byName).toMatchObject({ provider: registrar.provider, name });
        expect((await registrar.getDomain(`${name.toUpperCase()}.`)).id).toBe(byName.id);
        expect((await registrar.getDomain(byName.id)).name).toBe(name);
        const idn = emulator.seedInfo.idnDomain;
        if (idn) {
          const unicode = await registrar.getDomain('Bücher.com');
          expect(unicode).toMatchObject({ name: idn, unicodeName: 'bücher.com' });
        }
        expect(await caught(() => registrar.getDomain('never-registered-here.com'))).toBeInstanceOf(
          NotFoundError,
        );
        expect(await caught(() => registrar.getDomain('../etc'))).toBeInstanceOf(ValidationError);
      },
    );

    check('updateDomain', 'round-trips every settings field the provider supports', async () => {
      if (!requires('updateDomain')) return;
      const name = emulator.seedInfo.ownedDomains[0]!;
      const before = await registrar.getDomain(name);
      const candidates = [
        { autoRenew: !(before.autoRenew ?? false) },
        { whoisPrivacy: !(before.whoisPrivacy ?? false) },
        { transferLock: !(before.transferLock ?? false) },
        { nameservers: ['ns1.example-dns.net', 'ns2.example-dns.net'] },
      ];
      let applied = 0;
      for (const patch of candidates) {
        const sent = emulator.requests.length;
        const result = await registrar.updateDomain(name, patch).catch((error: unknown) => error);
        if (result instanceof ValidationError) {
          expect(emulator.requests.length).toBe(sent); // refused locally, nothing sent
          continue;
        }
        if (result instanceof Error) throw result;
        applied++;
        const [field, value] = Object.entries(patch)[0]!;
        expect((result as Record<string, unknown>)[field]).toEqual(value);
        expect(((await registrar.getDomain(name)) as Record<string, unknown>)[field]).toEqual(value);
      }
      expect(applied).toBeGreaterThan(0);
    });

    check(
      'availability',
      'answers availability for available, registered, premium and invalid names',
      async () => {
        if (!requires('checkAvailability')) return;
        const info = emulator.seedInfo;
        const available = await registrar.checkAvailability(info.availableName);
        expect(available).toMatchObject({
          provider: registrar.provider,
          domain: info.availableName,
          available: true,
          status: 'available',
          premium: false,
        });
        const taken = await registrar.checkAvailability(info.registeredName);
        expect(taken).toMatchObject({ available: false, status: 'registered' });
        const premium = await registrar.checkAvailability(info.premiumName);
        expect(premium).toMatchObject({ available: true, premium: true, status: 'premium' });
        const sent = emulator.requests.length;
        expect(await caught(() => registrar.checkAvailability('not a domain!'))).toBeInstanceOf(
          ValidationError,
        );
        expect(emulator.requests.length).toBe(sent);
      },
    );

    check(
      'prices',
      'quotes register and renew prices in the provider currency as decimal strings',
      async () => {
        if (!requires('getPrice')) return;
        const info = emulator.seedInfo;
        const quote = await registrar.getPrice(info.availableName, { operation: 'register', years: 1 });
        expect(quote).toMatchObject({
          provider: registrar.provider,
          domain: info.availableName,
          operation: 'register',
          years: 1,
          premium: false,
        });
        expect(quote.price.currency).toBe(info.currency);
        expect(Number(quote.price.amount)).toBeCloseTo(Number(info.tldPrices.com!.register), 2);
        expect(quote.price.amount).toMatch(/^\d+\.\d{2,}$/);
        const renew = await registrar
          .getPrice(info.ownedDomains[0]!, { operation: 'renew', years: 1 })
          .catch((e: unknown) => e);
        if (!(renew instanceof UnsupportedOperationError)) {
          if (renew instanceof Error) throw renew;
          expect((renew as { price: { amount: string } }).price.amount).toMatch(/^\d+\.\d{2,}$/);
        }
        if (requires('listTldPrices')) {
          const tlds = await registrar.listTldPrices();
          expect(tlds.find((t) => t.tld === 'com')?.register?.amount).toBeDefined();
        }
      },
    );

    check(
      'records',
      'creates, lists, updates and deletes records of every supported type, in canonical form',
      async () => {
        if (!requires('createRecord')) return;
        const zone = emulator.seedInfo.ownedDomains[0]!;
        const created: DnsRecord[] = [];
        for (const { input, content } of RECORD_CASES) {
          const result = await registrar.createRecord(zone, input).catch((error: unknown) => error);
          if (unsupportedType(result)) continue;
          if (result instanceof Error) throw new Error(`${input.type} ${input.name}: ${result.message}`);
          const record = result as DnsRecord;
          expect(DnsRecordSchema.parse(record)).toBeTruthy();
          expect(record).toMatchObject({
            provider: registrar.provider,
            domain: zone,
            type: input.type,
            name: input.name,
            content: content ?? input.content,
          });
          if (input.priority !== undefined) expect(record.priority).toBe(input.priority);
          created.push(record);
        }
        expect(created.length).toBeGreaterThanOrEqual(4);
        const listed = await toArray(registrar.listRecords(zone));
        for (const record of created) {
          const found = listed.find((r) => r.id === record.id);
          expect(found, `${record.type} ${record.name} is listed`).toMatchObject({
            type: record.type,
            name: record.name,
            content: record.content,
          });
        }
        expect(listed.some((r) => (r.type as string) === 'SOA')).toBe(false);
        const a = created.find((r) => r.type === 'A')!;
        const updated = await registrar.updateRecord(zone, a.id, { content: '192.0.2.99', ttl: 7200 });
        expect(updated).toMatchObject({ content: '192.0.2.99', ttl: 7200, type: 'A', name: '@' });
        for (const record of created) await registrar.deleteRecord(zone, record.id);
        const after = await toArray(registrar.listRecords(zone));
        for (const record of created) expect(after.find((r) => r.id === record.id)).toBeUndefined();
        const sent = emulator.requests.length;
        expect(
          await caught(() =>
            registrar.createRecord(zone, { type: 'CNAME', name: '@', content: 'x.example.net' }),
          ),
        ).toBeInstanceOf(ValidationError);
        expect(
          await caught(() =>
            registrar.createRecord(zone, { type: 'MX', name: '@', content: 'mx.example.net' }),
          ),
        ).toBeInstanceOf(ValidationError);
        expect(
          await caught(() => registrar.createRecord(zone, { type: 'A', name: '@', content: '999.1.1.1' })),
        ).toBeInstanceOf(ValidationError);
        expect(emulator.requests.length).toBe(sent);
      },
    );

    check('idnRecords', 'manages records of the IDN zone addressed by its Unicode name', async () => {
      const idn = emulator.seedInfo.idnDomain;
      if (!requires('createRecord') || !idn) return;
      const record = await registrar.createRecord('bücher.com', {
        type: 'A',
        name: 'idn-check',
        content: '192.0.2.7',
        ttl: 3600,
      });
      expect(record).toMatchObject({ domain: idn, name: 'idn-check', fqdn: `idn-check.${idn}` });
      expect((await toArray(registrar.listRecords(idn))).some((r) => r.id === record.id)).toBe(true);
      await registrar.deleteRecord('bücher.com', record.id);
    });

    check('bulk', 'creates records in bulk with per-record errors for a partial failure', async () => {
      if (!requires('createRecords')) return;
      const zone = emulator.seedInfo.ownedDomains[1] ?? emulator.seedInfo.ownedDomains[0]!;
      const inputs: DnsRecordInput[] = [
        { type: 'A', name: 'bulk-1', content: '192.0.2.21', ttl: 3600 },
        { type: 'CNAME', name: '@', content: 'invalid-at-apex.example.net', ttl: 3600 },
        { type: 'TXT', name: 'bulk-2', content: 'hello bulk', ttl: 3600 },
      ];
      const result = await registrar.createRecords(zone, inputs);
      expect(result.created.map((r) => r.name).sort()).toEqual(['bulk-1', 'bulk-2']);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.input).toEqual(inputs[1]);
      expect(isRegistrarError(result.errors[0]!.error)).toBe(true);
      const listed = await toArray(registrar.listRecords(zone));
      expect(
        listed
          .filter((r) => r.name.startsWith('bulk-'))
          .map((r) => r.name)
          .sort(),
      ).toEqual(['bulk-1', 'bulk-2']);
    });

    check('errors', 'maps 401/403/404/409/422/429/500 to the right error class', async () => {
      const target = readCall(registrar, emulator);
      if (!target) return;
      const cases = [
        [401, AuthenticationError],
        [403, PermissionError],
        [404, NotFoundError],
        [409, ConflictError],
        [422, ValidationError],
        [429, RateLimitError],
        [500, ProviderError],
      ] as const;
      for (const [status, errorClass] of cases) {
        emulator.setFaults([
          {
            route: target.operation,
            sequence: Array.from({ length: 4 }, () => ({
              type: 'error' as const,
              status,
              retryAfterSeconds: 3600,
            })),
          },
        ]);
        const error = await caught(() => target.call());
        // A provider may answer 403 for a bad credential (Glauca): both classes are acceptable there.
        if (status === 403 && error instanceof AuthenticationError) continue;
        expect(error, `HTTP ${status}`).toBeInstanceOf(errorClass);
        expect((error as { status?: number }).status).toBe(status);
      }
      emulator.setFaults([]);
    });

    check(
      'retryAfter',
      'honours Retry-After: a 429 is retried after the wait and then succeeds',
      async () => {
        const target = readCall(registrar, emulator);
        if (!target) return;
        emulator.setFaults([
          { route: target.operation, sequence: [{ type: 'error', status: 429, retryAfterSeconds: 1 }] },
        ]);
        const started = Date.now();
        await target.call();
        expect(Date.now() - started).toBeGreaterThanOrEqual(950);
        emulator.setFaults([]);
      },
    );

    check(
      'abort',
      'an aborted call sends nothing and rejects with an aborted NetworkError; an abort in flight stops it',
      async () => {
        const target = readCall(registrar, emulator);
        if (!target) return;
        const sent = emulator.requests.length;
        const error = await caught(() => target.call(AbortSignal.abort()));
        expect(error).toBeInstanceOf(NetworkError);
        expect(error).toMatchObject({ code: 'aborted' });
        expect(emulator.requests.length).toBe(sent);
        emulator.setFaults([{ route: target.operation, sequence: [{ type: 'latency', ms: 5_000 }] }]);
        const controller = new AbortController();
        const pending = caught(() => target.call(controller.signal));
        setTimeout(() => controller.abort(), 100);
        const started = Date.now();
        expect(await pending).toMatchObject({ code: 'aborted' });
        expect(Date.now() - started).toBeLessThan(4_000);
        emulator.setFaults([]);
      },
    );

    check(
      'unsupported',
      'every unsupported method rejects with UnsupportedOperationError naming provider and method',
      async () => {
        const unsupported = CAPABILITIES.filter((capability) => !registrar.supports(capability));
        for (const capability of unsupported) {
          const method = registrar[capability] as (...args: unknown[]) => unknown;
          const result = method.call(registrar, 'example.com', { years: 1 }, {});
          const error = await caught(async () => {
            if (LIST_CAPABILITIES.has(capability)) await toArray(result as AsyncIterable<unknown>);
            else await result;
          });
          expect(error, capability).toBeInstanceOf(UnsupportedOperationError);
          expect(error).toMatchObject({ provider: registrar.provider, operation: capability });
        }
        expect(Object.keys(registrar.capabilities).sort()).toEqual([...CAPABILITIES].sort());
      },
    );

    check(
      'secrets',
      'no credential appears in any rendering of an error (401, 500, reset, malformed body)',
      async () => {
        const target = readCall(registrar, emulator);
        if (!target) return;
        const secrets = secretsOf(emulator);
        const faults = [
          { type: 'error', status: 401 },
          { type: 'status', status: 500 },
          { type: 'reset-before' },
          { type: 'malformed-json' },
        ] as const;
        for (const fault of faults) {
          emulator.setFaults([{ route: target.operation, sequence: Array.from({ length: 4 }, () => fault) }]);
          const error = await caught(() => target.call());
          expect(isRegistrarError(error), `${fault.type} gives a typed error`).toBe(true);
          for (const text of errorRenderings(error))
            for (const secret of secrets) expect(text).not.toContain(secret);
        }
        emulator.setFaults([]);
      },
    );

    check(
      'noDoubleCharge',
      'a money-spending request that meets a reset after processing is not charged twice',
      async () => {
        const info = emulator.seedInfo;
        const spend: { operation: Capability; call: () => Promise<unknown>; domain: string } | null =
          requires('renewDomain')
            ? {
                operation: 'renewDomain',
                call: () => registrar.renewDomain(info.ownedDomains[0]!, { years: 1 }),
                domain: info.ownedDomains[0]!,
              }
            : requires('registerDomain')
              ? {
                  operation: 'registerDomain',
                  call: () => registrar.registerDomain({ domain: info.availableName, years: 1 }),
                  domain: info.availableName,
                }
              : null;
        if (!spend) return;
        const before = emulator.ledger.length;
        emulator.setFaults([{ route: spend.operation, sequence: [{ type: 'reset-after' }] }]);
        const error = await caught(spend.call);
        expect(error).toBeInstanceOf(NetworkError);
        emulator.setFaults([]);
        const charges = emulator.ledger.slice(before);
        expect(charges).toHaveLength(1);
        expect(charges[0]!.domain).toBe(spend.domain);
      },
    );

    describe('attacks: hostile servers', () => {
      for (const attack of attackCases(options))
        check(
          attack.check,
          `${attack.check}: ${attack.title}`,
          (context) => runAttack(options, attack, context),
          Math.max(timeout, ATTACK_TEST_TIMEOUT_MS),
        );
    });
  });
}
