/**
 * `registrar-kit dns copy <domain> --from p --to q [--dry-run] [--purge] [--force]`: lists the zone
 * at p, plans it at q and applies it (or only shows the plan with --dry-run). No question is asked:
 * the copy is incremental unless --purge, and applyPlan's safety threshold still guards deletes.
 */
import type { KnownProviderId } from '@registrar-kit/core';
import { isKnownProvider, PROVIDER_LIST } from '../../providers.js';
import type { CliContext } from '../context.js';
import { type CopiedCounts, copyZone } from '../copy-zone.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.js';
import { describeRecord, planSummaryLine, renderPlan, renderReport, reportJson } from '../render-plan.js';

/** The flags of `dns copy` (definitions/dns.ts). */
export interface CopyOptions {
  from: string;
  to: string;
  dryRun?: boolean;
  purge?: boolean;
  force?: boolean;
}

/** A provider id given in a flag (any case), or a usage error naming the flag. */
export function providerFlag(value: string, flag: string): KnownProviderId {
  const id = value.trim().toLowerCase();
  if (!isKnownProvider(id))
    throw new UsageError(
      `unknown provider "${value}" in ${flag}`,
      `expected one of ${PROVIDER_LIST.join(', ')}`,
    );
  return id;
}

export async function runDnsCopy(ctx: CliContext, domain: string, options: CopyOptions): Promise<number> {
  const from = providerFlag(options.from, '--from');
  const to = providerFlag(options.to, '--to');
  if (from === to)
    throw new UsageError('--from and --to are the same provider', 'copy between two providers');
  const [source, target] = await ctx.registrars([from, to]);
  const dryRun = options.dryRun === true;
  const result = await copyZone(source!, target!, domain, {
    dryRun,
    purge: options.purge === true,
    force: options.force === true,
  });
  const { zone, plan, summary, report, skipped, copied } = result;
  const where = `${zone} at ${to}`;
  if (ctx.out.json) {
    ctx.out.printJson({
      domain: zone,
      from,
      to,
      dryRun,
      purge: options.purge === true,
      plan,
      summary,
      skipped,
      report: report ? reportJson(report, ctx.env) : null,
      copied,
    });
  } else {
    for (const { record, reason } of skipped)
      ctx.io.stderr.write(`${ctx.out.colors.dim('note:')} ${describeRecord(record)} skipped (${reason})\n`);
    renderPlan(ctx.out, plan);
    ctx.out.line(planSummaryLine(summary, where));
    if (report && summary.total > 0) renderReport(ctx.out, report, where, ctx.env);
    ctx.out.line(copySummary(zone, from, to, copied, dryRun));
  }
  return report && report.failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

function copySummary(zone: string, from: string, to: string, copied: CopiedCounts, dryRun: boolean): string {
  const records = `${copied.records} record${copied.records === 1 ? '' : 's'} at ${from}`;
  if (dryRun)
    return `Dry run, nothing changed: ${zone} from ${from} to ${to}: ${records}, ${copied.unchanged} already at ${to}`;
  return (
    `Copied ${zone} from ${from} to ${to}: ${records}; ${copied.created} created, ${copied.updated} updated, ` +
    `${copied.deleted} deleted, ${copied.unchanged} already there, ${copied.failed} failed`
  );
}
