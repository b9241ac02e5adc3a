/**
 * Fuzzing (fast-check) of every public method that takes input, for every adapter, against its
 * emulator: a call resolves or rejects with a typed RegistrarError (ValidationError for bad input,
 * never a TypeError), no request is sent with an unencoded path segment, and every record body the
 * emulator receives is valid under core's record validation with the provider's rules.
 */
import { isRegistrarError, RECORD_TYPES, type Registrar, toArray } from '@registrar-kit/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyEmulator,
  createFor,
  PROVIDER_IDS,
  type ProviderId,
  startEmulator,
} from './support/providers.js';
import { pathProblems, recordProblems, recordsOf } from './support/request-checks.js';

const RUNS = 100;

// biome-ignore lint/suspicious/noExplicitAny: JavaScript callers pass anything
type Loose = any;

/** Values a JavaScript caller might pass where a string is typed. */
const garbage = fc.constantFrom<Loose>(null, undefined, 42, {}, [], true);

const nasty = fc.constantFrom(
  '',
  '.',
  '..',
  '../x',
  '../../etc/passwd',
  '%2F',
  '%2e%2e',
  'a/b',
  'a\\b',
  '?x=1',
  '#frag',
  '%',
  ' ',
  '\u0000',
  '\u200d',
  'a..b',
  '-a.com',
  'a.com.',
  'a.com..',
  `${'a'.repeat(64)}.com`,
  `${'a.'.repeat(127)}com`,
);

const domainArg = fc.oneof(
  { weight: 3, arbitrary: nasty },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'test-domain-1.com',
      'TEST-DOMAIN-2.COM.',
      'bücher.com',
      'xn--bcher-kva.com',
      'BÜCHER.com.',
      'registered-name.com',
      'available-name.com',
      '12345',
      'dom_abc',
    ),
  },
  { weight: 2, arbitrary: fc.domain() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: garbage },
);

const idArg = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: fc.constantFrom('1', '123', 'rec_1', 'zone/1', 'A', 'txt_1') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: garbage },
);

const ttl = fc.oneof(
  fc.integer({ min: -10, max: 3_000_000_000 }),
  fc.constantFrom<Loose>(0, 59, 60, 3600, 86_400, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3600', null),
);
const priority = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }),
  fc.constantFrom<Loose>(0, 10, 65_535, 1.5, Number.NaN, null, '10'),
);
const recordType = fc.oneof(
  fc.constantFrom(...RECORD_TYPES),
  fc.constantFrom<Loose>('SOA', 'PTR', 'a', '', 'TXT ', null),
);
const recordName = fc.oneof(
  fc.constantFrom(
    '@',
    '',
    'www',
    '*',
    '*.x',
    'a..b',
    '-x',
    'x.',
    'test-domain-1.com.',
    'other.com.',
    '_sip._tcp',
    'WWW',
    'a b',
    'ä',
    `${'a'.repeat(64)}`,
  ),
  fc.string({ maxLength: 20 }),
  garbage,
);
const content = fc.oneof(
  fc.constantFrom(
    '1.2.3.4',
    '01.2.3.4',
    '256.1.1.1',
    '::1',
    '2001:DB8:0:0:0:0:0:1',
    'x.example.com',
    'X.Example.COM.',
    '@',
    '10 5060 sip.example.com',
    '0 issue "ca.example"',
    '0 issue ca.example',
    '"quoted" "strings"',
    'a'.repeat(300),
    'line\nbreak',
    '',
  ),
  fc.ipV4(),
  fc.ipV6(),
  fc.domain(),
  fc.string({ maxLength: 40 }),
  garbage,
);
const recordInput = fc.record(
  { type: recordType, name: recordName, content, ttl, priority },
  { requiredKeys: ['type', 'name', 'content'] },
);
/** Plausible records of every type (most valid), so inputs also get past validation and reach the API. */
const hostName = fc.oneof(fc.domain(), fc.constantFrom('@', 'X.Example.COM.', 'mail.test-domain-1.com'));
const okTtl = fc.constantFrom<Loose>(undefined, 60, 3600, 86_400, 59, 0);
const plausibleRecord = fc.oneof(
  fc.record({
    type: fc.constant('A'),
    name: fc.constantFrom('@', 'www2', 'a-1', '_x.y', '*'),
    content: fc.ipV4(),
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constant('AAAA'),
    name: fc.constantFrom('@', 'v6', 'a.b'),
    content: fc.oneof(fc.ipV6(), fc.constant('2001:DB8::0:1')),
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constantFrom('CNAME', 'ALIAS'),
    name: fc.constantFrom('alias-1', 'c.d', '@'),
    content: hostName,
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constant('MX'),
    name: fc.constantFrom('@', 'mx'),
    content: hostName,
    priority: fc.oneof(fc.integer({ min: 0, max: 65_535 }), fc.constantFrom<Loose>(undefined, -1)),
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constant('TXT'),
    name: fc.constantFrom('@', '_dmarc', 'txt'),
    content: fc.oneof(fc.string({ maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 100 })),
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constant('SRV'),
    name: fc.constantFrom('_sip._tcp', '_xmpp._tcp.chat'),
    content: fc
      .tuple(fc.integer({ min: 0, max: 65_536 }), fc.integer({ min: 0, max: 65_536 }), hostName)
      .map(([w, p, h]) => `${w} ${p} ${h}`),
    priority: fc.integer({ min: -1, max: 65_535 }),
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constant('NS'),
    name: fc.constantFrom('sub', 'a.sub'),
    content: hostName,
    ttl: okTtl,
  }),
  fc.record({
    type: fc.constant('CAA'),
    name: fc.constantFrom('@', 'caa'),
    content: fc
      .tuple(
        fc.constantFrom(0, 128, 256),
        fc.constantFrom('issue', 'issuewild', 'iodef', 'bad tag'),
        fc.string({ maxLength: 20 }),
      )
      .map(([f, t, v]) => `${f} ${t} "${v.replace(/["\\]/g, '')}"`),
    ttl: okTtl,
  }),
);
const anyRecordInput = fc.oneof(
  { weight: 3, arbitrary: plausibleRecord },
  { weight: 2, arbitrary: recordInput },
);
const recordPatch = fc.oneof(
  fc.record(
    { content: fc.oneof(fc.ipV4(), fc.domain(), fc.string({ maxLength: 30 })), ttl: okTtl },
    { requiredKeys: ['content'] },
  ),
  fc.record({ name: recordName, content, ttl, priority }, { requiredKeys: [] }),
  fc.constantFrom<Loose>({ type: 'A' }, { id: 'x' }, null),
);
const years = fc.oneof(
  fc.integer({ min: -3, max: 15 }),
  fc.constantFrom<Loose>(0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null),
);
const moneyArb = fc.oneof(
  fc.record({
    amount: fc.constantFrom('12.99', '-1', '1e3', 'abc', '', '1200.00', '0.001'),
    currency: fc.constantFrom('USD', 'GBP', 'usd', 'XX', ''),
  }),
  garbage,
);
const contacts = fc.option(
  fc.record({ registrant: idArg, admin: idArg, tech: idArg, billing: idArg }, { requiredKeys: [] }),
  { nil: undefined },
);
const nameservers = fc.option(fc.array(fc.oneof(fc.domain(), nasty), { maxLength: 4 }), { nil: undefined });
const bool = fc.oneof(fc.boolean(), fc.constantFrom<Loose>('yes', null, 1));
const registerInput = fc.oneof(
  fc.record(
    {
      domain: domainArg,
      years,
      contacts,
      autoRenew: bool,
      whoisPrivacy: bool,
      nameservers,
      premiumPrice: moneyArb,
    },
    { requiredKeys: ['domain'] },
  ),
  garbage,
);
const transferInput = fc.oneof(
  fc.record(
    {
      domain: domainArg,
      authCode: fc.oneof(fc.string({ maxLength: 20 }), nasty, garbage),
      years,
      contacts,
      extendRegistration: bool,
      owner: fc.oneof(idArg, fc.constant(undefined)),
    },
    { requiredKeys: ['domain', 'authCode'] },
  ),
  garbage,
);
const domainPatch = fc.oneof(
  fc.record({ autoRenew: bool, whoisPrivacy: bool, transferLock: bool, nameservers }, { requiredKeys: [] }),
  garbage,
);
const dsRecord = fc.record({
  keyTag: fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.constantFrom<Loose>(1.5, Number.NaN, '1')),
  algorithm: fc.oneof(fc.integer({ min: -1, max: 300 }), fc.constantFrom<Loose>(8, 13)),
  digestType: fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constantFrom<Loose>(2)),
  digest: fc.oneof(fc.stringMatching(/^[0-9A-Fa-f]{0,80}$/), fc.string({ maxLength: 20 }), nasty),
});
const dsRecords = fc.oneof(fc.array(dsRecord, { maxLength: 3 }), garbage);
const priceOptions = fc.oneof(
  fc.record(
    { operation: fc.constantFrom<Loose>('register', 'renew', 'transfer', 'restore', 'bogus', ''), years },
    { requiredKeys: [] },
  ),
  fc.constant(undefined),
);
const listOptions = fc.oneof(
  fc.record(
    {
      pageSize: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constantFrom<Loose>(Number.NaN, 1.5)),
      concurrency: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.constantFrom<Loose>(Number.NaN, 0)),
    },
    { requiredKeys: [] },
  ),
  fc.constant(undefined),
);
const query = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  nasty,
  garbage,
);
const tlds = fc.option(
  fc.array(fc.oneof(fc.constantFrom('com', 'net', '.io', 'co.uk', '', '../x'), fc.string({ maxLength: 8 })), {
    maxLength: 4,
  }),
  { nil: undefined },
);

interface MethodFuzz {
  method: string;
  property: (registrar: Registrar, zone: ZoneFixture) => fc.IAsyncProperty<Loose>;
}

/** A seeded zone and record ids in it, so record inputs meet only the adapter's validation. */
interface ZoneFixture {
  zone: string;
  recordIds: string[];
}

const call = <T>(arb: fc.Arbitrary<T>, fn: (value: T) => Promise<unknown>) =>
  fc.asyncProperty(arb, async (value) => expectTyped(() => fn(value)));

const METHODS: MethodFuzz[] = [
  { method: 'listDomains', property: (r) => call(listOptions, (o) => toArray(r.listDomains(o))) },
  { method: 'getDomain', property: (r) => call(domainArg, (d) => r.getDomain(d)) },
  {
    method: 'updateDomain',
    property: (r) => call(fc.tuple(domainArg, domainPatch), ([d, p]) => r.updateDomain(d, p)),
  },
  { method: 'checkAvailability', property: (r) => call(domainArg, (d) => r.checkAvailability(d)) },
  {
    method: 'getPrice',
    property: (r) => call(fc.tuple(domainArg, priceOptions), ([d, o]) => r.getPrice(d, o)),
  },
  { method: 'registerDomain', property: (r) => call(registerInput, (i) => r.registerDomain(i)) },
  {
    method: 'renewDomain',
    property: (r) =>
      call(fc.tuple(domainArg, fc.oneof(fc.record({ years }), garbage)), ([d, i]) => r.renewDomain(d, i)),
  },
  { method: 'transferDomain', property: (r) => call(transferInput, (i) => r.transferDomain(i)) },
  { method: 'getTransfer', property: (r) => call(idArg, (id) => r.getTransfer(id)) },
  {
    method: 'listRecords',
    property: (r) => call(fc.tuple(domainArg, listOptions), ([d, o]) => toArray(r.listRecords(d, o))),
  },
  {
    method: 'createRecord',
    property: (r) => call(fc.tuple(domainArg, recordInput), ([d, i]) => r.createRecord(d, i)),
  },
  {
    method: 'createRecords',
    property: (r) =>
      call(fc.tuple(domainArg, fc.oneof(fc.array(recordInput, { maxLength: 4 }), garbage)), ([d, i]) =>
        r.createRecords(d, i),
      ),
  },
  {
    method: 'updateRecord',
    property: (r) => call(fc.tuple(domainArg, idArg, recordPatch), ([d, id, p]) => r.updateRecord(d, id, p)),
  },
  {
    method: 'deleteRecord',
    property: (r) => call(fc.tuple(domainArg, idArg), ([d, id]) => r.deleteRecord(d, id)),
  },
  {
    method: 'createRecord (seeded zone)',
    property: (r, z) => call(anyRecordInput, (i) => r.createRecord(z.zone, i)),
  },
  {
    method: 'createRecords (seeded zone)',
    property: (r, z) =>
      call(fc.array(anyRecordInput, { minLength: 1, maxLength: 4 }), (i) => r.createRecords(z.zone, i)),
  },
  {
    method: 'updateRecord (seeded record)',
    property: (r, z) =>
      call(fc.tuple(fc.nat(), recordPatch), ([k, p]) =>
        r.updateRecord(z.zone, z.recordIds[k % z.recordIds.length] ?? '1', p),
      ),
  },
  { method: 'getDsRecords', property: (r) => call(domainArg, (d) => r.getDsRecords(d)) },
  {
    method: 'setDsRecords',
    property: (r) => call(fc.tuple(domainArg, dsRecords), ([d, ds]) => r.setDsRecords(d, ds)),
  },
  {
    method: 'suggestDomains',
    property: (r) => call(fc.tuple(query, tlds), ([q, t]) => r.suggestDomains(q, t ? { tlds: t } : {})),
  },
];

/** Adapter-specific methods that take input: the same guarantees as the Registrar methods. */
const extra = (registrar: Registrar, name: string) => (registrar as Loose)[name].bind(registrar);
/** `checkAvailabilityMany` (Domainr, Namecheap): per-name failures are results, each a typed error. */
const checkMany: MethodFuzz = {
  method: 'checkAvailabilityMany',
  property: (r) =>
    call(fc.oneof(fc.array(domainArg, { maxLength: 5 }), garbage), async (names) => {
      const outcome = await extra(r, 'checkAvailabilityMany')(names);
      const results: { error?: unknown }[] = [];
      if (outcome && typeof (outcome as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
        for await (const result of outcome as AsyncIterable<{ error?: unknown }>) results.push(result);
      // Namecheap answers one batch: `{ results, errors: [{ name, error }] }`.
      else results.push(...((outcome as { errors?: { error?: unknown }[] })?.errors ?? []));
      for (const result of results)
        if (result.error !== undefined && !isRegistrarError(result.error))
          throw new Error(`untyped per-name error: ${String(result.error)}`);
    }),
};
/** A contact-like input: valid-looking fields, hostile strings, or garbage. */
const contactLike = fc.oneof(
  fc.record(
    { firstName: fc.oneof(fc.string({ maxLength: 10 }), nasty), email: fc.oneof(fc.emailAddress(), nasty) },
    { requiredKeys: [] },
  ),
  garbage,
);
const EXTRAS: Record<ProviderId, MethodFuzz[]> = {
  pocketdns: [
    {
      method: 'applyTemplate',
      property: (r) =>
        call(
          fc.tuple(
            domainArg,
            fc.oneof(idArg, fc.constantFrom('tpl_website_basic')),
            fc.oneof(
              fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 20 }), nasty)),
              garbage,
            ),
          ),
          ([d, t, v]) => extra(r, 'applyTemplate')(d, t, v),
        ),
    },
    {
      method: 'createUser',
      property: (r) =>
        call(
          fc.oneof(
            fc.record({ userIdentifier: fc.oneof(idArg, nasty), email: fc.oneof(fc.emailAddress(), nasty) }),
            garbage,
          ),
          (input) => extra(r, 'createUser')(input),
        ),
    },
  ],
  dnsimple: [
    ...['authorizeTransferOut', 'getDnssec', 'enableDnssec', 'disableDnssec'].map((method) => ({
      method,
      property: (r: Registrar) => call(domainArg, (d) => extra(r, method)(d)),
    })),
    ...['getRestore', 'getRegistration', 'getRenewal'].map((method) => ({
      method,
      property: (r: Registrar) => call(fc.tuple(domainArg, idArg), ([d, id]) => extra(r, method)(d, id)),
    })),
    { method: 'cancelTransfer', property: (r) => call(idArg, (id) => extra(r, 'cancelTransfer')(id)) },
    {
      method: 'restoreDomain',
      property: (r) =>
        call(fc.tuple(domainArg, fc.option(garbage, { nil: undefined })), ([d, i]) =>
          extra(r, 'restoreDomain')(d, i),
        ),
    },
  ],
  glauca: [
    ...['getAuthCode', 'regenerateAuthCode', 'restoreDomain'].map((method) => ({
      method,
      property: (r: Registrar) => call(domainArg, (d) => extra(r, method)(d)),
    })),
    { method: 'getRegistration', property: (r) => call(idArg, (id) => extra(r, 'getRegistration')(id)) },
  ],
  domainr: [checkMany],
  porkbun: [
    {
      method: 'getDomainContacts',
      property: (r) => call(domainArg, (d) => extra(r, 'getDomainContacts')(d)),
    },
    {
      method: 'updateDomainContacts',
      property: (r) =>
        call(fc.tuple(domainArg, fc.oneof(fc.record({ registrant: contactLike }), garbage)), ([d, c]) =>
          extra(r, 'updateDomainContacts')(d, c),
        ),
    },
  ],
  namecheap: [
    checkMany,
    {
      method: 'getDomainContacts',
      property: (r) => call(domainArg, (d) => extra(r, 'getDomainContacts')(d)),
    },
    {
      method: 'setDomainContacts',
      property: (r) =>
        call(fc.tuple(domainArg, fc.oneof(fc.record({ registrant: contactLike }), garbage)), ([d, c]) =>
          extra(r, 'setDomainContacts')(d, c),
        ),
    },
    {
      method: 'restoreDomain',
      property: (r) =>
        call(
          fc.tuple(
            domainArg,
            fc.option(fc.oneof(fc.record({ maxPrice: moneyArb }), garbage), { nil: undefined }),
          ),
          ([d, i]) => extra(r, 'restoreDomain')(d, i),
        ),
    },
  ],
  cloudflare: [
    { method: 'getRegistration', property: (r) => call(domainArg, (d) => extra(r, 'getRegistration')(d)) },
    { method: 'exportZoneFile', property: (r) => call(domainArg, (d) => extra(r, 'exportZoneFile')(d)) },
    {
      method: 'importZoneFile',
      property: (r, z) =>
        call(
          fc.tuple(
            fc.oneof(domainArg, fc.constant(z.zone)),
            fc.oneof(fc.string({ maxLength: 60 }), nasty, garbage),
          ),
          ([d, f]) => extra(r, 'importZoneFile')(d, f),
        ),
    },
    {
      method: 'setRecordSettings (seeded record)',
      property: (r, z) =>
        call(
          fc.tuple(
            fc.nat(),
            fc.oneof(
              fc.record(
                {
                  proxied: bool,
                  comment: fc.oneof(fc.string({ maxLength: 20 }), nasty),
                  tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
                },
                { requiredKeys: [] },
              ),
              garbage,
            ),
          ),
          ([k, settings]) =>
            extra(r, 'setRecordSettings')(z.zone, z.recordIds[k % z.recordIds.length] ?? '1', settings),
        ),
    },
  ],
};

/**
 * Runs a call; any rejection must be a typed RegistrarError. (A synchronous throw counts as a
 * rejection here: DNSimple's listings check `pageSize` when called, the others when iterated.)
 */
async function expectTyped(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (!isRegistrarError(error))
      throw new Error(`rejected with an untyped error: ${String((error as Error)?.stack ?? error)}`);
  }
}

describe.each(PROVIDER_IDS)('fuzz %s', (provider: ProviderId) => {
  let emulator: AnyEmulator;
  let registrar: Registrar;
  const zone: ZoneFixture = { zone: 'test-domain-1.com', recordIds: [] };
  beforeAll(async () => {
    emulator = await startEmulator(provider, {
      rateLimits: false,
      seed: { domains: 3, recordsPerDomain: 6 },
    });
    registrar = createFor(provider, emulator, emulator.url, {
      retry: false,
      rateLimit: false,
      timeoutMs: 5_000,
    });
    if (registrar.supports('listRecords'))
      zone.recordIds = (await toArray(registrar.listRecords(zone.zone))).map((r) => r.id);
  });
  afterAll(() => emulator.close());

  it.each(METHODS.map((m) => [m.method, m] as const))(
    '%s: typed errors only; every request path-safe and every record body valid',
    async (_name, fuzz) => {
      const from = emulator.requests.length;
      await fc.assert(fuzz.property(registrar, zone), { numRuns: RUNS, seed: 42, endOnFailure: true });
      const received = emulator.requests.slice(from);
      expect(received.flatMap(pathProblems)).toEqual([]);
      expect(received.flatMap((request) => recordProblems(provider, request))).toEqual([]);
      // The record check is not vacuous: valid inputs in the seeded zone reach the emulator.
      if (fuzz.method.endsWith('(seeded zone)') && registrar.supports('createRecord'))
        expect(received.flatMap((request) => recordsOf(provider, request)).length).toBeGreaterThan(0);
    },
    30_000,
  );

  it.each(EXTRAS[provider].map((m) => [m.method, m] as const))(
    'adapter-specific %s: typed errors only; every request path-safe',
    async (_name, fuzz) => {
      const from = emulator.requests.length;
      await fc.assert(fuzz.property(registrar, zone), { numRuns: RUNS, seed: 42, endOnFailure: true });
      expect(emulator.requests.slice(from).flatMap(pathProblems)).toEqual([]);
    },
    30_000,
  );
});
