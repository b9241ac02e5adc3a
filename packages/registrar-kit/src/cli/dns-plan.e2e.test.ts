/**
 * End-to-end: `dns export|diff|apply|copy` of the BUILT CLI (`dist/cli.js`), spawned. With --emulate
 * every run starts fresh emulators; the runs that must see each other's changes (apply, then diff)
 * and the ones that need a zone of 10+ records or an injected fault go to an emulator this test
 * starts, through the documented `--base-url` flag. Skipped when dist/cli.js is missing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseZoneFile, printZoneFile, type RecordPlan, toArray } from '@registrar-kit/core';
import { type RunningEmulator, startPocketDnsEmulator } from '@registrar-kit/testkit/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, cli, errorOf, json } from './cli-test-helpers.js';
import { emulatedRegistrar } from './emulate.js';
import type { ReportJson } from './render-plan.js';
import { portableRecord } from './zone-input.js';

const ZONE = 'test-domain-1.com';
const EMULATE = ['--emulate'];

interface PlanBody {
  provider: string;
  domain: string;
  purge: boolean;
  plan: RecordPlan;
  summary: { creates: number; updates: number; deletes: number; total: number };
  skipped: { line: number; type: string; reason: string }[];
  leftAlone: number;
  report?: ReportJson;
}

/** Seeded at every emulator: A @ 192.0.2.1, CNAME www → the zone, MX 10 @ mx1.<zone>, all TTL 3600. */
const CHANGES = `; one update (A content), one TTL-only update, two creates; MX @ not named
$ORIGIN ${ZONE}.
$TTL 3600
@ IN SOA ns1.${ZONE}. hostmaster.${ZONE}. 1 7200 3600 1209600 300
@          A     192.0.2.50
www    300 CNAME ${ZONE}.
@          TXT   "v=spf1 " "-all"
api        AAAA  2001:db8::50
`;

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'registrar-kit-dns-'));
  await writeFile(file('changes.zone'), CHANGES);
  await writeFile(file('other-zone.zone'), CHANGES.replaceAll(ZONE, 'test-domain-2.com'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe
  .runIf(built)
  .concurrent('dns export|diff|apply|copy (built CLI, --emulate)', { timeout: 60_000 }, () => {
    it('export: a zone file by default, JSON with --format json; both read back to the same records', async () => {
      const bind = await cli(['dns', 'export', ZONE, '--provider', 'glauca', ...EMULATE]);
      expect(bind.code).toBe(0);
      expect(bind.stderr).toBe('');
      expect(bind.stdout).toContain(`$ORIGIN ${ZONE}.`);
      expect(bind.stdout).toMatch(/^www\s+IN CNAME test-domain-1\.com\.$/m);
      expect(bind.stdout).toMatch(/^@\s+IN MX\s+10 mx1\.test-domain-1\.com\.$/m);

      const asJson = await cli([
        'dns',
        'export',
        ZONE,
        '--provider',
        'glauca',
        '--format',
        'json',
        ...EMULATE,
      ]);
      expect(asJson.code).toBe(0);
      const body = JSON.parse(asJson.stdout) as { provider: string; domain: string; records: unknown[] };
      expect(body).toMatchObject({ provider: 'glauca', domain: ZONE });
      expect(body.records).toEqual(
        expect.arrayContaining([
          { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600, priority: null },
          { type: 'CNAME', name: 'www', content: ZONE, ttl: 3600, priority: null },
          { type: 'MX', name: '@', content: `mx1.${ZONE}`, ttl: 3600, priority: 10 },
        ]),
      );
      expect(body.records).toHaveLength(3);
      const parsed = parseZoneFile(bind.stdout);
      expect(parsed.origin).toBe(ZONE);
      const key = (r: unknown) => JSON.stringify(r);
      expect(parsed.records.map(portableRecord).map(key).sort()).toEqual(body.records.map(key).sort());

      // --json alone is the JSON export; --json --format bind wraps the zone file.
      const global = await json<{ records: unknown[] }>([
        'dns',
        'export',
        ZONE,
        '--provider',
        'glauca',
        ...EMULATE,
      ]);
      expect(global.body.records).toEqual(body.records);
      const wrapped = await json<{ format: string; zoneFile: string }>([
        'dns',
        'export',
        ZONE,
        '--provider',
        'glauca',
        '--format',
        'bind',
        ...EMULATE,
      ]);
      expect(wrapped.body).toMatchObject({ provider: 'glauca', domain: ZONE, format: 'bind' });
      expect(wrapped.body.zoneFile).toBe(bind.stdout);

      const domainr = await cli(['dns', 'export', ZONE, '--provider', 'domainr', ...EMULATE, '--json']);
      expect(domainr.code).toBe(1);
      expect(errorOf(domainr).name).toBe('UnsupportedOperationError');
    });

    it('diff --json: the plan and its summary, exit 0; --exit-code gives 3 with changes and 0 without', async () => {
      const args = [
        'dns',
        'diff',
        ZONE,
        '--file',
        file('changes.zone'),
        '--provider',
        'pocketdns',
        ...EMULATE,
      ];
      const { run, body } = await json<PlanBody>(args);
      expect(run.code).toBe(0);
      expect(body).toMatchObject({ provider: 'pocketdns', domain: ZONE, purge: false, leftAlone: 1 });
      expect(body.summary).toEqual({ creates: 2, updates: 2, deletes: 0, total: 4 });
      expect(body.plan.creates).toEqual([
        { type: 'TXT', name: '@', content: 'v=spf1 -all', ttl: 3600 },
        { type: 'AAAA', name: 'api', content: '2001:db8::50', ttl: 3600 },
      ]);
      expect(body.plan.updates.map((u) => [u.record.type, u.patch])).toEqual([
        ['A', { content: '192.0.2.50' }],
        ['CNAME', { ttl: 300 }],
      ]);
      expect(body.plan.updates[0]!.record).not.toHaveProperty('raw');
      expect(body.skipped).toEqual([{ line: 4, type: 'SOA', reason: 'SOA is managed by the DNS provider' }]);

      const purge = await json<PlanBody>([...args, '--purge']);
      expect(purge.body.summary).toEqual({ creates: 2, updates: 2, deletes: 1, total: 5 });
      expect(purge.body.plan.deletes.map((r) => r.type)).toEqual(['MX']);

      const human = await cli([...args, '--exit-code']);
      expect(human.code).toBe(3);
      expect(human.stdout.trim().split('\n')).toEqual([
        '+ @ TXT "v=spf1 -all" ttl=3600',
        '+ api AAAA 2001:db8::50 ttl=3600',
        '~ @ A 192.0.2.1 (content: 192.0.2.1 → 192.0.2.50)',
        `~ www CNAME ${ZONE} (ttl: 3600 → 300)`,
        `${ZONE} at pocketdns: 2 to create, 2 to update, 0 to delete`,
      ]);
      expect(human.stderr).toContain(
        'note: 1 record not named in the file left alone (--purge deletes them)',
      );

      // The provider's own export, fed back on stdin, is no change at all.
      const exported = await cli(['dns', 'export', ZONE, '--provider', 'pocketdns', ...EMULATE]);
      const same = await json<PlanBody>(
        ['dns', 'diff', ZONE, '--file', '-', '--purge', '--exit-code', '--provider', 'pocketdns', ...EMULATE],
        {},
        exported.stdout,
      );
      expect(same.run.code).toBe(0);
      expect(same.body.summary.total).toBe(0);
      const sameHuman = await cli(
        ['dns', 'diff', ZONE, '--file', '-', '--provider', 'dnsimple', ...EMULATE],
        {},
        exported.stdout,
      );
      expect(sameHuman.stdout.trim()).toBe(`${ZONE} at dnsimple: no changes`);
    });

    it('diff reads JSON files, and refuses a file for another zone or a missing one (exit 2)', async () => {
      const exported = await cli([
        'dns',
        'export',
        ZONE,
        '--provider',
        'dnsimple',
        '--format',
        'json',
        ...EMULATE,
      ]);
      await writeFile(file('dnsimple.json'), exported.stdout);
      const fromJson = await json<PlanBody>([
        'dns',
        'diff',
        ZONE,
        '--file',
        file('dnsimple.json'),
        '--purge',
        '--provider',
        'glauca',
        ...EMULATE,
      ]);
      expect(fromJson.run.code).toBe(0);
      expect(fromJson.body.summary.total).toBe(0);

      const other = await cli([
        'dns',
        'diff',
        ZONE,
        '--file',
        file('other-zone.zone'),
        '--purge',
        '--provider',
        'glauca',
        ...EMULATE,
        '--json',
      ]);
      expect(other.code).toBe(2);
      expect(other.stdout).toBe('');
      expect(errorOf(other)).toMatchObject({ name: 'UsageError' });
      expect(errorOf(other).message).toMatch(/\$ORIGIN .* is test-domain-2\.com, not test-domain-1\.com/);

      const missing = await cli([
        'dns',
        'diff',
        ZONE,
        '--file',
        file('nope.zone'),
        '--provider',
        'glauca',
        '--json',
      ]);
      expect(missing.code).toBe(2);
      expect(errorOf(missing).message).toMatch(/cannot read --file .*nope\.zone \(ENOENT\)/);

      await writeFile(file('bad.zone'), `$ORIGIN ${ZONE}.\nwww A 999.1.1.1\n`);
      const bad = await cli([
        'dns',
        'diff',
        ZONE,
        '--file',
        file('bad.zone'),
        '--provider',
        'glauca',
        ...EMULATE,
        '--json',
      ]);
      // Input refused before any change is a usage error (issue 18), with a hint saying what to fix.
      expect(bad.code).toBe(2);
      expect(errorOf(bad)).toMatchObject({ name: 'ValidationError' });
      expect(errorOf(bad).hint).toMatch(/^fix /);
      expect(errorOf(bad).message).toMatch(/line 2/);
    });

    it('apply --yes: the plan, then the report of every change, exit 0', async () => {
      const args = [
        'dns',
        'apply',
        ZONE,
        '--file',
        file('changes.zone'),
        '--purge',
        '--yes',
        '--provider',
        'glauca',
      ];
      const { run, body } = await json<PlanBody>([...args, ...EMULATE]);
      expect(run.code).toBe(0);
      expect(body.summary).toEqual({ creates: 2, updates: 2, deletes: 1, total: 5 });
      expect(body.report!.failures).toEqual([]);
      expect(body.report!.created.map((r) => r.type).sort()).toEqual(['AAAA', 'TXT']);
      expect(body.report!.updated.map((r) => [r.type, r.content, r.ttl]).sort()).toEqual([
        ['A', '192.0.2.50', 3600],
        ['CNAME', ZONE, 300],
      ]);
      expect(body.report!.deleted.map((r) => r.type)).toEqual(['MX']);

      const human = await cli([...args, ...EMULATE]);
      expect(human.code).toBe(0);
      const lines = human.stdout.trim().split('\n');
      expect(lines).toContain(`${ZONE} at glauca: 2 to create, 2 to update, 1 to delete`);
      expect(lines).toContain('created  + @ TXT "v=spf1 -all"');
      expect(lines).toContain('updated  ~ @ A 192.0.2.50');
      expect(lines).toContain(`deleted  - @ MX 10 mx1.${ZONE}`);
      expect(lines.at(-1)).toBe(`${ZONE} at glauca: 2 created, 2 updated, 1 deleted, 0 failed`);
    });

    it('apply without --yes when stdin is not a terminal: refused with exit 2, nothing applied', async () => {
      const args = [
        'dns',
        'apply',
        ZONE,
        '--file',
        file('changes.zone'),
        '--provider',
        'dnsimple',
        ...EMULATE,
      ];
      const refused = await cli([...args, '--json']);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(errorOf(refused)).toMatchObject({ name: 'UsageError', code: 'usage' });
      expect(errorOf(refused).message).toMatch(/without confirmation: stdin is not a terminal/);
      expect(errorOf(refused).hint).toMatch(/--yes/);

      const human = await cli(args);
      expect(human.code).toBe(2);
      // The plan is shown before the refusal.
      expect(human.stdout).toContain('~ @ A 192.0.2.1 (content: 192.0.2.1 → 192.0.2.50)');
      expect(human.stderr).toMatch(/^error: not applying 4 changes without confirmation/m);
      expect(human.stderr).toMatch(/^hint: .*--yes/m);

      // Nothing to change needs no confirmation.
      const exported = await cli(['dns', 'export', ZONE, '--provider', 'dnsimple', ...EMULATE]);
      await writeFile(file('dnsimple.zone'), exported.stdout);
      const noop = await json<PlanBody>([
        'dns',
        'apply',
        ZONE,
        '--file',
        file('dnsimple.zone'),
        '--provider',
        'dnsimple',
        ...EMULATE,
      ]);
      expect(noop.run.code).toBe(0);
      expect(noop.body.summary.total).toBe(0);
      expect(noop.body.report).toEqual({ created: [], updated: [], deleted: [], failures: [] });
    });

    it('copy --dry-run and copy between two providers; domainr has no records; --from = --to is a usage error', async () => {
      const dry = await json<{
        dryRun: boolean;
        summary: { total: number };
        report: null;
        copied: Record<string, number>;
      }>(['dns', 'copy', ZONE, '--from', 'dnsimple', '--to', 'glauca', '--dry-run', ...EMULATE]);
      expect(dry.run.code).toBe(0);
      expect(dry.body).toMatchObject({
        domain: ZONE,
        from: 'dnsimple',
        to: 'glauca',
        dryRun: true,
        report: null,
      });
      // Every emulator is seeded with the same three records.
      expect(dry.body.copied).toEqual({
        records: 3,
        created: 0,
        updated: 0,
        deleted: 0,
        unchanged: 3,
        failed: 0,
      });

      const copy = await json<{ report: ReportJson; copied: Record<string, number>; skipped: unknown[] }>([
        'dns',
        'copy',
        ZONE,
        '--from',
        'pocketdns',
        '--to',
        'dnsimple',
        '--purge',
        ...EMULATE,
      ]);
      expect(copy.run.code).toBe(0);
      expect(copy.body).toMatchObject({
        from: 'pocketdns',
        to: 'dnsimple',
        dryRun: false,
        purge: true,
        skipped: [],
      });
      expect(copy.body.report).toEqual({ created: [], updated: [], deleted: [], failures: [] });
      expect(copy.body.copied).toMatchObject({ records: 3, unchanged: 3, failed: 0 });

      const human = await cli(['dns', 'copy', ZONE, '--from', 'glauca', '--to', 'pocketdns', ...EMULATE]);
      expect(human.code).toBe(0);
      expect(human.stdout.trim().split('\n').at(-1)).toBe(
        `Copied ${ZONE} from glauca to pocketdns: 3 records at glauca; 0 created, 0 updated, 0 deleted, 3 already there, 0 failed`,
      );

      const domainr = await cli([
        'dns',
        'copy',
        ZONE,
        '--from',
        'domainr',
        '--to',
        'glauca',
        ...EMULATE,
        '--json',
      ]);
      expect(domainr.code).toBe(1);
      expect(errorOf(domainr).name).toBe('UnsupportedOperationError');

      const same = await cli([
        'dns',
        'copy',
        ZONE,
        '--from',
        'glauca',
        '--to',
        'GLAUCA',
        ...EMULATE,
        '--json',
      ]);
      expect(same.code).toBe(2);
      expect(errorOf(same).message).toMatch(/same provider/);
      const missing = await cli(['dns', 'copy', ZONE, '--from', 'glauca', ...EMULATE, '--json']);
      expect(missing.code).toBe(2);
      expect(errorOf(missing).message).toMatch(/--to/);
    });
  });

/**
 * One PocketDNS emulator, seeded with 12 records per zone, that outlives the CLI runs: apply then
 * diff see the same state, and faults can be injected. Sequential: the runs share its state.
 */
describe.runIf(built)('dns apply against a persistent emulator (--base-url)', { timeout: 60_000 }, () => {
  let emulator: RunningEmulator<unknown>;
  let target: string[];
  let env: Record<string, string>;
  const listed = () => toArray(emulatedRegistrar('pocketdns', emulator).listRecords(ZONE));

  beforeAll(async () => {
    emulator = (await startPocketDnsEmulator({
      seed: { domains: 2, recordsPerDomain: 12 },
    })) as RunningEmulator<unknown>;
    target = ['--provider', 'pocketdns', '--base-url', emulator.url, '--owner', 'user_123'];
    env = { POCKETDNS_API_KEY: emulator.seedInfo.credentials.apiKey! };
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it('refuses a plan deleting more than 30% of the zone (exit 1, hint --force); --force applies it; diff is then empty', async () => {
    const records = await listed();
    expect(records).toHaveLength(12);
    // The first 8 records as a zone file: --purge deletes the other 4 (33% of 12).
    await writeFile(file('keep-8.zone'), printZoneFile(records.slice(0, 8), { origin: ZONE }));
    const apply = ['dns', 'apply', ZONE, '--file', file('keep-8.zone'), '--purge', '--yes', ...target];

    const refused = await cli([...apply, '--json'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(errorOf(refused)).toMatchObject({ name: 'UnsafePlanError', code: 'unsafe_plan' });
    expect(errorOf(refused).message).toBe(
      `Refusing to delete 4 of 12 records of ${ZONE} (33.3%, more than 30%); check the plan and pass force to apply it`,
    );
    expect(errorOf(refused).hint).toMatch(/--force/);
    expect(await listed()).toHaveLength(12);

    const human = await cli(apply, env);
    expect(human.code).toBe(1);
    expect(human.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: Refusing to delete 4 of 12 records/),
      'hint: check the plan (`registrar-kit dns diff`), then pass --force to apply it anyway',
    ]);

    const forced = await json<PlanBody>([...apply, '--force'], env);
    expect(forced.run.code).toBe(0);
    expect(forced.body.report!.deleted).toHaveLength(4);
    expect(forced.body.report!.failures).toEqual([]);
    expect(await listed()).toHaveLength(8);

    // Another process, the same emulator: the zone now matches the file.
    const diff = await json<PlanBody>(
      ['dns', 'diff', ZONE, '--file', file('keep-8.zone'), '--purge', '--exit-code', ...target],
      env,
    );
    expect(diff.run.code).toBe(0);
    expect(diff.body.summary.total).toBe(0);
  });

  it('a change failing mid-apply (emulator 422) is reported with its reason, the others applied: exit 1', async () => {
    const before = await listed();
    const zoneFile = `$ORIGIN ${ZONE}.
$TTL 3600
@     A     192.0.2.61
www   CNAME ${ZONE}.
extra A     192.0.2.62
`;
    await writeFile(file('fault.zone'), zoneFile);
    emulator.setFaults([
      {
        route: 'updateRecord',
        sequence: [{ type: 'error', status: 422, message: 'content refused by the test' }],
      },
    ]);
    const { run, body } = await json<PlanBody>(
      ['dns', 'apply', ZONE, '--file', file('fault.zone'), '--yes', ...target],
      env,
    );
    emulator.setFaults([]);
    expect(run.code).toBe(1);
    expect(body.summary).toEqual({ creates: 1, updates: 1, deletes: 0, total: 2 });
    expect(body.report!.created.map((r) => r.name)).toEqual(['extra']);
    expect(body.report!.failures).toHaveLength(1);
    expect(body.report!.failures[0]).toMatchObject({
      change: 'update',
      input: { type: 'A', name: '@', content: '192.0.2.61' },
      record: { type: 'A', name: '@' },
      error: { name: 'ValidationError', code: expect.any(String), status: 422 },
    });
    expect(body.report!.failures[0]!.error.message).toMatch(/content refused by the test/);

    // The listing keeps the create; the failed update is all that is left to do.
    const after = await listed();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((r) => r.name === '@' && r.type === 'A')?.content).toBe(
      before.find((r) => r.name === '@' && r.type === 'A')?.content,
    );
    const rest = await json<PlanBody>(['dns', 'diff', ZONE, '--file', file('fault.zone'), ...target], env);
    expect(rest.body.summary).toEqual({ creates: 0, updates: 1, deletes: 0, total: 1 });

    const human = await cli(['dns', 'apply', ZONE, '--file', file('fault.zone'), '--yes', ...target], env);
    expect(human.code).toBe(0);
    expect(human.stdout.trim().split('\n').at(-1)).toBe(
      `${ZONE} at pocketdns: 0 created, 1 updated, 0 deleted, 0 failed`,
    );
  });
});
