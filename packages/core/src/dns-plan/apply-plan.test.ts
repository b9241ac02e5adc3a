import { describe, expect, it } from 'vitest';
import { defineRegistrar } from '../define-registrar.js';
import { ConflictError, NetworkError, NotFoundError, ProviderError } from '../errors/error-classes.js';
import { RegistrarError } from '../errors/registrar-error.js';
import type { BulkResult } from '../model/bulk-result.js';
import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import type { RegistrarMethods } from '../registrar.js';
import { toArray } from '../to-array.js';
import { validateRecordInput } from '../validation/record-input.js';
import { type ApplyReport, appliesPlansAtomically, applyPlan } from './apply-plan.js';
import { isEmptyPlan, planRecords, type RecordPlan } from './plan-records.js';
import { record } from './test-records.js';
import { UnsafePlanError } from './unsafe-plan-error.js';

const ZONE = 'example.com';

interface FakeOptions {
  bulk?: boolean;
  /** Makes a change fail: return an error to throw. */
  fail?: (op: 'create' | 'update' | 'delete', what: DnsRecordInput | DnsRecord) => Error | undefined;
  /** Enforces the CNAME rule: a CNAME cannot share its name. */
  cnameRule?: boolean;
}

/** An in-memory DNS host built with defineRegistrar, storing canonical records. */
function fakeRegistrar(initial: DnsRecordInput[], options: FakeOptions = {}) {
  const store = new Map<string, DnsRecord>();
  const calls: string[] = [];
  let next = 0;
  const toRecord = (input: DnsRecordInput, id: string): DnsRecord => {
    const valid = validateRecordInput(input, { zone: ZONE });
    return {
      ...record(valid.name, valid.type, valid.content, {
        ttl: valid.ttl ?? 3600,
        priority: valid.priority ?? null,
      }),
      id,
    };
  };
  const create = async (input: DnsRecordInput): Promise<DnsRecord> => {
    const failure = options.fail?.('create', input);
    if (failure) throw failure;
    const created = toRecord(input, `id${++next}`);
    if (options.cnameRule) {
      const clash = [...store.values()].some(
        (other) => other.name === created.name && (other.type === 'CNAME' || created.type === 'CNAME'),
      );
      if (clash) throw new ConflictError(`CNAME clash at ${created.name}`, { provider: 'pocketdns' });
    }
    store.set(created.id, created);
    return created;
  };
  for (const input of initial) {
    const created = toRecord(input, `id${++next}`);
    store.set(created.id, created);
  }
  const methods: Partial<RegistrarMethods> = {
    async *listRecords() {
      calls.push('list');
      yield* [...store.values()].map((r) => ({ ...r }));
    },
    async createRecord(_domain, input) {
      calls.push(`create ${input.name}`);
      return create(input);
    },
    async updateRecord(_domain, id, patch) {
      calls.push(`update ${id}`);
      const existing = store.get(id);
      if (!existing) throw new NotFoundError(`no record ${id}`, { provider: 'pocketdns' });
      const failure = options.fail?.('update', existing);
      if (failure) throw failure;
      const updated = toRecord(
        {
          type: existing.type,
          name: patch.name ?? existing.name,
          content: patch.content ?? existing.content,
          ttl: patch.ttl ?? existing.ttl,
          priority: patch.priority !== undefined ? patch.priority : existing.priority,
        },
        id,
      );
      store.set(id, updated);
      return updated;
    },
    async deleteRecord(_domain, id) {
      calls.push(`delete ${id}`);
      const existing = store.get(id);
      if (!existing) throw new NotFoundError(`no record ${id}`, { provider: 'pocketdns' });
      const failure = options.fail?.('delete', existing);
      if (failure) throw failure;
      store.delete(id);
    },
  };
  if (options.bulk) {
    methods.createRecords = async (_domain, inputs): Promise<BulkResult> => {
      calls.push(`bulk ${inputs.length}`);
      const result: BulkResult = { created: [], errors: [] };
      for (const input of inputs) {
        try {
          result.created.push(await create(input));
        } catch (error) {
          result.errors.push({ input, error: error as RegistrarError });
        }
      }
      return result;
    };
  }
  return { registrar: defineRegistrar('pocketdns', methods), store, calls };
}

const zoneOf = (count: number): DnsRecordInput[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'A',
    name: `host${i}`,
    content: `192.0.2.${i + 1}`,
    ttl: 3600,
  }));

describe('applyPlan', () => {
  const desired: DnsRecordInput[] = [
    { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
    { type: 'A', name: 'www', content: '192.0.2.2', ttl: 300 },
    { type: 'MX', name: '@', content: 'mail.example.com.', priority: 10, ttl: 300 },
    { type: 'TXT', name: '@', content: '"v=spf1 " "include:_spf.example.com -all"', ttl: 300 },
    { type: 'AAAA', name: 'v6', content: '2001:DB8:0:0::1', ttl: 300 },
  ];
  const initial: DnsRecordInput[] = [
    { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
    { type: 'A', name: 'www', content: '192.0.2.99', ttl: 300 },
    { type: 'A', name: 'old', content: '192.0.2.100', ttl: 300 },
  ];

  it.each([
    ['bulk endpoint', true],
    ['one by one', false],
  ])('applies a plan (%s) and a second plan is empty', async (_label, bulk) => {
    const { registrar, calls } = fakeRegistrar(initial, { bulk });
    const plan = planRecords(await toArray(registrar.listRecords(ZONE)), desired, { purge: true });
    expect(plan.creates).toHaveLength(3);
    expect(plan.updates).toHaveLength(2);
    expect(plan.deletes).toHaveLength(1);

    const report = await applyPlan(registrar, ZONE, plan);
    expect(report.failures).toEqual([]);
    expect(report.created).toHaveLength(3);
    expect(report.updated).toHaveLength(2);
    expect(report.deleted.map((r) => r.name)).toEqual(['old']);
    if (bulk) expect(calls.filter((call) => call.startsWith('bulk'))).toEqual(['bulk 3']);
    else expect(calls.filter((call) => call.startsWith('create'))).toHaveLength(3);

    const again = planRecords(await toArray(registrar.listRecords(ZONE)), desired, { purge: true });
    expect(isEmptyPlan(again)).toBe(true);
  });

  it('runs creates, then updates, then deletes', async () => {
    const { registrar, calls } = fakeRegistrar(initial);
    const plan = planRecords(await toArray(registrar.listRecords(ZONE)), desired, { purge: true });
    calls.length = 0;
    await applyPlan(registrar, ZONE, plan, { concurrency: 1 });
    const kinds = calls.map((call) => call.split(' ')[0]);
    expect(kinds).toEqual(['create', 'create', 'create', 'update', 'update', 'delete']);
  });

  it('deletes a clashing record before creating a CNAME at its name (and the reverse)', async () => {
    const { registrar, calls } = fakeRegistrar(
      [
        { type: 'A', name: 'www', content: '192.0.2.1' },
        { type: 'CNAME', name: 'blog', content: 'host.example.net' },
      ],
      { cnameRule: true },
    );
    const plan = planRecords(
      await toArray(registrar.listRecords(ZONE)),
      [
        { type: 'CNAME', name: 'www', content: 'example.com' },
        { type: 'A', name: 'blog', content: '192.0.2.7' },
      ],
      { purge: true },
    );
    calls.length = 0;
    const report = await applyPlan(registrar, ZONE, plan, { concurrency: 1 });
    expect(report.failures).toEqual([]);
    expect(calls).toEqual(['delete id1', 'delete id2', 'create www', 'create blog']);
  });

  it('reports a failing change mid-apply without losing the others', async () => {
    const boom = new ProviderError('emulated 500', { provider: 'pocketdns', status: 500 });
    for (const bulk of [true, false]) {
      const { registrar } = fakeRegistrar(initial, {
        bulk,
        fail: (op, what) =>
          (op === 'create' && what.name === 'www') ||
          (op === 'create' && what.type === 'MX') ||
          (op === 'update' && what.name === '@')
            ? boom
            : undefined,
      });
      const plan = planRecords(await toArray(registrar.listRecords(ZONE)), desired, { purge: true });
      const report = await applyPlan(registrar, ZONE, plan);
      expect(report.failures.map((f) => [f.change, f.input?.type, f.error])).toEqual([
        ['create', 'MX', boom],
        ['update', 'A', boom],
      ]);
      expect(report.failures[1]?.record?.name).toBe('@');
      expect(report.created.map((r) => r.type).sort()).toEqual(['AAAA', 'TXT']);
      expect(report.updated.map((r) => r.name)).toEqual(['www']);
      expect(report.deleted.map((r) => r.name)).toEqual(['old']);
      // Re-planning shows exactly what is left to do.
      const rest = planRecords(await toArray(registrar.listRecords(ZONE)), desired, { purge: true });
      expect(rest.creates.map((c) => c.type)).toEqual(['MX']);
      expect(rest.updates.map((u) => u.record.name)).toEqual(['@']);
      expect(rest.deletes).toEqual([]);
    }
  });

  it('reports a failing delete, and wraps an error that is not a RegistrarError', async () => {
    const { registrar } = fakeRegistrar(zoneOf(3), {
      fail: (op, what) => (op === 'delete' && what.name === 'host1' ? new TypeError('bug') : undefined),
    });
    const plan = planRecords(await toArray(registrar.listRecords(ZONE)), [], { purge: true });
    const report = await applyPlan(registrar, ZONE, plan);
    expect(report.deleted.map((r) => r.name)).toEqual(['host0', 'host2']);
    expect(report.failures).toHaveLength(1);
    const failure = report.failures[0]!;
    expect(failure.change).toBe('delete');
    expect(failure.record?.name).toBe('host1');
    expect(failure.error).toBeInstanceOf(RegistrarError);
    expect(failure.error.message).toBe('bug');
    expect(failure.error.operation).toBe('deleteRecord');
    expect(failure.error.provider).toBe('pocketdns');
  });

  it('a bulk call that fails as a whole fails each of its creates', async () => {
    const { registrar } = fakeRegistrar([], { bulk: true });
    const broken = defineRegistrar('pocketdns', {
      ...registrar,
      createRecords: () => Promise.reject(new NetworkError('socket hang up', { provider: 'pocketdns' })),
    });
    const plan = planRecords([], zoneOf(2));
    const report = await applyPlan(broken, ZONE, plan);
    expect(report.created).toEqual([]);
    expect(report.failures.map((f) => [f.change, f.input?.name, f.error.message])).toEqual([
      ['create', 'host0', 'socket hang up'],
      ['create', 'host1', 'socket hang up'],
    ]);
  });

  describe('registrars with an atomic batch endpoint', () => {
    const atomic = (initial: DnsRecordInput[]) => {
      const fake = fakeRegistrar(initial);
      const handed: { domain: string; plan: RecordPlan; signal: AbortSignal | undefined }[] = [];
      const report: ApplyReport = {
        created: [],
        updated: [],
        deleted: [],
        failures: [],
        atomic: { batches: 1, limit: 200 },
      };
      const registrar = Object.assign(Object.create(fake.registrar) as typeof fake.registrar, {
        applyPlanAtomically: async (domain: string, plan: RecordPlan, opts?: { signal?: AbortSignal }) => {
          handed.push({ domain, plan, signal: opts?.signal });
          return report;
        },
      });
      return { ...fake, registrar, handed, report };
    };

    it('hands the whole plan to applyPlanAtomically and returns its report, sending nothing itself', async () => {
      const { registrar, handed, report, calls } = atomic(zoneOf(3));
      expect(appliesPlansAtomically(registrar)).toBe(true);
      const current = await toArray(registrar.listRecords(ZONE));
      const plan = planRecords(current, [...zoneOf(2), { type: 'A', name: 'new', content: '192.0.2.77' }], {
        purge: true,
      });
      calls.length = 0;
      const signal = new AbortController().signal;
      expect(await applyPlan(registrar, ZONE, plan, { signal })).toBe(report);
      expect(handed).toEqual([{ domain: ZONE, plan, signal }]);
      expect(calls).toEqual([]);
    });

    it('still refuses an unsafe plan before handing it over', async () => {
      const { registrar, handed } = atomic(zoneOf(10));
      const current = await toArray(registrar.listRecords(ZONE));
      const plan = planRecords(current, zoneOf(5), { purge: true });
      await expect(applyPlan(registrar, ZONE, plan)).rejects.toBeInstanceOf(UnsafePlanError);
      expect(handed).toEqual([]);
    });

    it('is not assumed for a registrar without the method', () => {
      expect(appliesPlansAtomically(fakeRegistrar([]).registrar)).toBe(false);
    });
  });

  describe('safety threshold', () => {
    const deleting = async (zoneSize: number, keep: number) => {
      const fake = fakeRegistrar(zoneOf(zoneSize));
      const current = await toArray(fake.registrar.listRecords(ZONE));
      const plan = planRecords(current, zoneOf(zoneSize).slice(0, keep), { purge: true });
      return { ...fake, plan };
    };

    it('refuses a plan deleting more than 30% of a zone of 10 or more, changing nothing', async () => {
      const { registrar, plan, store, calls } = await deleting(10, 6);
      expect(plan.deletes).toHaveLength(4);
      calls.length = 0;
      const error = await applyPlan(registrar, ZONE, plan).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsafePlanError);
      expect(error).toBeInstanceOf(RegistrarError);
      expect(error).toMatchObject({ name: 'UnsafePlanError', code: 'unsafe_plan', deletes: 4, zoneSize: 10 });
      expect((error as UnsafePlanError).message).toMatch(
        /Refusing to delete 4 of 10 records of example.com \(40%/,
      );
      expect((error as UnsafePlanError).toJSON()).toMatchObject({
        deletes: 4,
        zoneSize: 10,
        maxDeletesRatio: 0.3,
      });
      expect(calls).toEqual([]);
      expect(store.size).toBe(10);
    });

    it('applies it with force', async () => {
      const { registrar, plan, store } = await deleting(10, 6);
      const report = await applyPlan(registrar, ZONE, plan, { force: true });
      expect(report.deleted).toHaveLength(4);
      expect(store.size).toBe(6);
    });

    it('allows exactly the ratio, and any share of a small zone', async () => {
      const atRatio = await deleting(10, 7);
      await expect(applyPlan(atRatio.registrar, ZONE, atRatio.plan)).resolves.toMatchObject({ failures: [] });
      const small = await deleting(9, 0);
      const report = await applyPlan(small.registrar, ZONE, small.plan);
      expect(report.deleted).toHaveLength(9);
    });

    it('honours maxDeletesRatio and minZoneSizeForRatio', async () => {
      const { registrar, plan } = await deleting(5, 3);
      await expect(applyPlan(registrar, ZONE, plan, { minZoneSizeForRatio: 5 })).rejects.toBeInstanceOf(
        UnsafePlanError,
      );
      await expect(
        applyPlan(registrar, ZONE, plan, { minZoneSizeForRatio: 5, maxDeletesRatio: 0.39 }),
      ).rejects.toBeInstanceOf(UnsafePlanError);
      const report = await applyPlan(registrar, ZONE, plan, { minZoneSizeForRatio: 5, maxDeletesRatio: 0.4 });
      expect(report.deleted).toHaveLength(2);
    });

    it('counts the zone from currentCount, else by listing it when the plan does not say', async () => {
      const { registrar, plan, calls } = await deleting(10, 6);
      const { currentCount: _, ...bare } = plan;
      calls.length = 0;
      await expect(applyPlan(registrar, ZONE, bare)).rejects.toBeInstanceOf(UnsafePlanError);
      expect(calls).toEqual(['list']);
      const report = await applyPlan(registrar, ZONE, bare, { currentCount: 100 });
      expect(report.deleted).toHaveLength(4);
    });
  });

  it('an abort stops starting new changes; those are reported as aborted', async () => {
    const controller = new AbortController();
    const { registrar } = fakeRegistrar([], {
      fail: (_op, what) => {
        if (what.name === 'host1') controller.abort();
        return undefined;
      },
    });
    const plan: RecordPlan = planRecords([], zoneOf(4));
    const report = await applyPlan(registrar, ZONE, plan, { signal: controller.signal, concurrency: 1 });
    expect(report.created.map((r) => r.name)).toEqual(['host0', 'host1']);
    expect(report.failures.map((f) => [f.input?.name, f.error.code])).toEqual([
      ['host2', 'aborted'],
      ['host3', 'aborted'],
    ]);
    expect(report.failures[0]?.error).toBeInstanceOf(NetworkError);
  });

  it('an aborted signal before a bulk create reports every create as aborted', async () => {
    const { registrar, calls } = fakeRegistrar([], { bulk: true });
    const current = [record('x', 'A', '192.0.2.1'), record('y', 'A', '192.0.2.2')];
    const plan = planRecords(
      current,
      [
        { type: 'A', name: 'x', content: '192.0.2.9' },
        { type: 'A', name: 'new', content: '192.0.2.3' },
      ],
      { purge: true },
    );
    const report = await applyPlan(registrar, ZONE, plan, { signal: AbortSignal.abort() });
    expect(calls).toEqual([]);
    expect(report.failures.map((f) => f.change)).toEqual(['create', 'update', 'delete']);
    expect(report.failures.every((f) => f.error.code === 'aborted')).toBe(true);
  });
});
