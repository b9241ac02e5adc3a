/**
 * `registrar-kit dns apply <domain> --file zone.txt [--purge] [--yes] [--force]`: shows the plan,
 * asks on a terminal unless --yes, applies it with core's `applyPlan` and reports every change.
 */
import { applyPlan, summarizePlan } from '@registrar-kit/core';
import { canAsk, confirm } from '../confirm.js';
import type { CliContext } from '../context.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.js';
import { noteZonePlan, planZone, type ZoneFileOptions } from '../plan-zone.js';
import { type IO, Renderer } from '../render.js';
import { EMPTY_REPORT, planSummaryLine, renderPlan, renderReport, reportJson } from '../render-plan.js';

/** The flags of `dns apply` (definitions/dns.ts). */
export interface ApplyOptions extends ZoneFileOptions {
  yes?: boolean;
  force?: boolean;
}

export async function runDnsApply(ctx: CliContext, domain: string, options: ApplyOptions): Promise<number> {
  const planned = await planZone(ctx, domain, options);
  const { plan, where } = planned;
  const summary = summarizePlan(plan);
  const document = (report = EMPTY_REPORT) => ({
    provider: planned.provider,
    domain: planned.zone,
    purge: options.purge === true,
    plan,
    summary,
    skipped: planned.skipped,
    leftAlone: planned.leftAlone,
    report: reportJson(report, ctx.env),
  });
  if (!ctx.out.json) {
    noteZonePlan(ctx, planned);
    renderPlan(ctx.out, plan);
    ctx.out.line(planSummaryLine(summary, where));
  }
  if (summary.total === 0) {
    if (ctx.out.json) ctx.out.printJson(document());
    return EXIT_OK;
  }
  if (!options.yes) {
    if (!canAsk(ctx.io)) {
      throw new UsageError(
        `not applying ${summary.total} change${summary.total === 1 ? '' : 's'} without confirmation: stdin is not a terminal`,
        'check the plan (`registrar-kit dns diff`), then pass --yes to apply it',
      );
    }
    // With --json the plan is not on stdout yet: show it beside the question.
    if (ctx.out.json) showPlanOnStderr(ctx.io, ctx.out, plan, planSummaryLine(summary, where));
    if (
      !(await confirm(ctx.io, `Apply ${summary.total} change${summary.total === 1 ? '' : 's'} to ${where}?`))
    ) {
      ctx.io.stderr.write('Not applied: nothing was changed.\n');
      return EXIT_FAILURE;
    }
  }
  const report = await applyPlan(planned.registrar, domain, plan, { force: options.force === true });
  if (ctx.out.json) ctx.out.printJson(document(report));
  else renderReport(ctx.out, report, where, ctx.env);
  return report.failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

function showPlanOnStderr(
  io: IO,
  out: Renderer,
  plan: Parameters<typeof renderPlan>[1],
  summary: string,
): void {
  const onStderr = new Renderer({ ...io, stdout: io.stderr }, { ...out.options, json: false });
  renderPlan(onStderr, plan);
  onStderr.line(summary);
}
