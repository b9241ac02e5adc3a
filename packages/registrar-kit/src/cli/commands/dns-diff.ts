/**
 * `registrar-kit dns diff <domain> --file zone.txt [--purge] [--exit-code]`: what `dns apply` would
 * change, without changing anything.
 */
import { summarizePlan } from '@registrar-kit/core';
import type { CliContext } from '../context.js';
import { EXIT_CHANGES, EXIT_OK } from '../errors.js';
import { noteZonePlan, planZone, type ZoneFileOptions } from '../plan-zone.js';
import { planSummaryLine, renderPlan } from '../render-plan.js';

/** The flags of `dns diff` (definitions/dns.ts). */
export interface DiffOptions extends ZoneFileOptions {
  exitCode?: boolean;
}

export async function runDnsDiff(ctx: CliContext, domain: string, options: DiffOptions): Promise<number> {
  const planned = await planZone(ctx, domain, options);
  const summary = summarizePlan(planned.plan);
  if (ctx.out.json) {
    ctx.out.printJson({
      provider: planned.provider,
      domain: planned.zone,
      purge: options.purge === true,
      plan: planned.plan,
      summary,
      skipped: planned.skipped,
      leftAlone: planned.leftAlone,
    });
  } else {
    noteZonePlan(ctx, planned);
    renderPlan(ctx.out, planned.plan);
    ctx.out.line(planSummaryLine(summary, planned.where));
  }
  return options.exitCode && summary.total > 0 ? EXIT_CHANGES : EXIT_OK;
}
