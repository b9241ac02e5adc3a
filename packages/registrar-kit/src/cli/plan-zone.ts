/**
 * The step `dns diff` and `dns apply` share: read the file, list the zone at the provider, plan
 * the changes with core's `planRecords` (incremental unless --purge).
 */
import {
  type DnsRecord,
  type DnsRecordInput,
  type KnownProviderId,
  planRecords,
  type RecordPlan,
  type Registrar,
  toArray,
  validateRecordInput,
  type ZoneFileSkipped,
} from '@registrar-kit/core';
import type { CliContext } from './context.js';
import { selectOneProvider } from './context.js';
import { desiredRecords, readZoneSource, type ZoneFormat, zoneName } from './zone-input.js';

export interface ZoneFileOptions {
  file: string;
  format?: ZoneFormat;
  purge?: boolean;
  provider?: string;
}

export interface ZonePlan {
  provider: KnownProviderId;
  registrar: Registrar;
  /** The zone name (ASCII). */
  zone: string;
  current: DnsRecord[];
  desired: DnsRecordInput[];
  skipped: ZoneFileSkipped[];
  plan: RecordPlan;
  /** Current records the plan leaves alone because the file does not name their (name, type) set. */
  leftAlone: number;
  /** `example.com at pocketdns`, for summary lines. */
  where: string;
}

const setKey = (name: string, type: string) => `${name}\u0000${type}`;

/** Current records in sets the desired records do not name and the plan does not delete. */
export function countLeftAlone(
  current: readonly DnsRecord[],
  desired: readonly DnsRecordInput[],
  plan: RecordPlan,
  zone: string,
): number {
  const named = new Set(
    desired.map((input) => {
      try {
        const valid = validateRecordInput(input, { zone });
        return setKey(valid.name, valid.type);
      } catch {
        return setKey(input.name.toLowerCase(), input.type);
      }
    }),
  );
  const deleted = new Set(plan.deletes);
  return current.filter(
    (record) => !deleted.has(record) && !named.has(setKey(record.name.toLowerCase() || '@', record.type)),
  ).length;
}

export async function planZone(ctx: CliContext, domain: string, options: ZoneFileOptions): Promise<ZonePlan> {
  const provider = selectOneProvider(options.provider, ctx.env);
  // The file is read first: a wrong path fails before any request.
  const source = await readZoneSource(ctx.io, options.file, options.format);
  const registrar = await ctx.registrar(provider);
  const current = await toArray(registrar.listRecords(domain));
  const zone = zoneName(domain, current);
  const { records: desired, skipped } = desiredRecords(source, zone);
  const plan = planRecords(current, desired, { zone, purge: options.purge === true });
  return {
    provider,
    registrar,
    zone,
    current,
    desired,
    skipped,
    plan,
    leftAlone: options.purge ? 0 : countLeftAlone(current, desired, plan, zone),
    where: `${zone} at ${provider}`,
  };
}

/** Notes on stderr (human mode): entries of the file left out, and records a plan leaves alone. */
export function noteZonePlan(ctx: CliContext, planned: Pick<ZonePlan, 'skipped' | 'leftAlone'>): void {
  if (ctx.out.json) return;
  const dim = ctx.out.colors.dim;
  for (const entry of planned.skipped)
    ctx.io.stderr.write(`${dim('note:')} line ${entry.line}: ${entry.type} skipped (${entry.reason})\n`);
  if (planned.leftAlone > 0) {
    const records = planned.leftAlone === 1 ? 'record' : 'records';
    ctx.io.stderr.write(
      `${dim('note:')} ${planned.leftAlone} ${records} not named in the file left alone (--purge deletes them)\n`,
    );
  }
}
