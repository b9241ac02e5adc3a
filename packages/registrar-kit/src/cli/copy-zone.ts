/**
 * The work of `dns copy`: list the zone at the source, plan it at the target with core's
 * `planRecords` (incremental unless `purge`) and apply it with `applyPlan` (unless `dryRun`).
 * Apex NS records name each provider's own nameservers: they are neither copied nor deleted.
 */
import {
  type ApplyReport,
  applyPlan,
  type DnsRecord,
  type DnsRecordInput,
  type PlanSummary,
  planRecords,
  type RecordPlan,
  type Registrar,
  summarizePlan,
  toArray,
} from '@registrar-kit/core';
import { EMPTY_REPORT } from './render-plan.js';
import { portableRecord, zoneName } from './zone-input.js';

export interface CopyZoneOptions {
  /** Also delete target records whose (name, type) set the source does not have. */
  purge?: boolean;
  /** Plan only; change nothing. */
  dryRun?: boolean;
  /** Apply a plan over the safety threshold of `applyPlan`. */
  force?: boolean;
}

export interface CopiedCounts {
  /** Records read at the source (apex NS left out). */
  records: number;
  created: number;
  updated: number;
  deleted: number;
  /** Source records already at the target as they are. */
  unchanged: number;
  failed: number;
}

export interface ZoneCopy {
  zone: string;
  skipped: { record: DnsRecordInput; reason: string }[];
  plan: RecordPlan;
  summary: PlanSummary;
  /** null with `dryRun`. */
  report: ApplyReport | null;
  copied: CopiedCounts;
}

export const APEX_NS_REASON = "the provider's own nameservers (apex NS) are not copied";

const isApexNs = (record: DnsRecord) => record.type === 'NS' && (record.name === '@' || record.name === '');

export async function copyZone(
  source: Registrar,
  target: Registrar,
  domain: string,
  options: CopyZoneOptions = {},
): Promise<ZoneCopy> {
  const sourceRecords = await toArray(source.listRecords(domain));
  const zone = zoneName(domain, sourceRecords);
  const targetRecords = await toArray(target.listRecords(zone));

  const skipped = sourceRecords
    .filter(isApexNs)
    .map((record) => ({ record: portableRecord(record), reason: APEX_NS_REASON }));
  const desired = sourceRecords.filter((record) => !isApexNs(record)).map(portableRecord);
  const plan = planRecords(
    targetRecords.filter((record) => !isApexNs(record)),
    desired,
    { zone, purge: options.purge === true },
  );
  const summary = summarizePlan(plan);
  const report = options.dryRun
    ? null
    : summary.total === 0
      ? EMPTY_REPORT
      : await applyPlan(target, zone, plan, {
          force: options.force === true,
          currentCount: targetRecords.length,
        });
  const copied: CopiedCounts = {
    records: desired.length,
    created: report?.created.length ?? 0,
    updated: report?.updated.length ?? 0,
    deleted: report?.deleted.length ?? 0,
    unchanged: Math.max(0, desired.length - plan.creates.length - plan.updates.length),
    failed: report?.failures.length ?? 0,
  };
  return { zone, skipped, plan, summary, report, copied };
}
