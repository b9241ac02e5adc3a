/**
 * `registrar-kit dns diff <domain> --file zone.txt [--purge] [--exit-code]`: what `dns apply` would
 * change, without changing anything.
 */
import { summarizePlan } from '@registrar-kit/core';
import { type Command, Option } from 'commander';
import { type CliState, runAction } from '../action.js';
import { EXIT_CHANGES, EXIT_OK } from '../errors.js';
import { noteZonePlan, planZone, type ZoneFileOptions } from '../plan-zone.js';
import { planSummaryLine, renderPlan } from '../render-plan.js';
import { ZONE_FORMATS } from '../zone-input.js';

/** The flags `dns diff` and `dns apply` share. */
export function zoneFileOptions(command: Command): Command {
  return command
    .argument('<domain>', 'the zone (domain name or the provider’s id)')
    .requiredOption(
      '--file <path>',
      'the desired records: a zone file, or JSON as `dns export --format json` prints; - for stdin',
    )
    .addOption(
      new Option(
        '--format <format>',
        'format of --file (default: json for .json or text starting with { or [, else bind)',
      ).choices([...ZONE_FORMATS]),
    )
    .option('--purge', 'also delete the records whose (name, type) the file does not name')
    .option('--provider <id>', 'the provider (default: REGISTRAR_PROVIDER)');
}

export function registerDnsDiff(dns: Command, state: CliState): void {
  zoneFileOptions(
    dns
      .command('diff')
      .description('show the changes that would make a zone match a file (+ create, ~ update, - delete)'),
  )
    .option('--exit-code', 'exit with 3 when there are changes (as `git diff --exit-code`)')
    .action((domain: string, options: ZoneFileOptions & { exitCode?: boolean }, command: Command) =>
      runAction(state, command, async (ctx) => {
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
      }),
    );
}
