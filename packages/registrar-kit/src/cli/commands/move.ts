/**
 * `registrar-kit move <domain> --from p --to q [--dns-to r] [--dry-run] [--auth-code CODE]
 * [--max-price "20 USD"] [--switch-nameservers] [--years N] [--yes]`: core's `moveDomain` with the
 * plan shown first (a dry run), a question on a terminal unless --yes, each step printed as it
 * happens, and an exit code per outcome. `move --status --to q --transfer ID` reads a transfer.
 */
import {
  type KnownProviderId,
  type Money,
  type MoveReport,
  type MoveState,
  type MoveStep,
  moveDomain,
  type Transfer,
} from '@registrar-kit/core';
import { canAsk, confirm } from '../confirm.js';
import type { CliContext } from '../context.js';
import { EXIT_FAILURE, EXIT_OK, errorSummary, UsageError } from '../errors.js';
import { providerFlag } from './dns-copy.js';

/** Exit codes of `move` (documented in the CLI README beside the common ones). */
export const MOVE_EXIT: Record<MoveState, number> = {
  planned: EXIT_OK,
  transfer_started: EXIT_OK,
  failed: EXIT_FAILURE,
  refused: 4,
  waiting_for_auth_code: 5,
};
/** `move --status`: the transfer is still under way. */
export const EXIT_TRANSFER_PENDING = 5;

/** The flags of `move` (definitions/move.ts). */
export interface MoveOptions {
  from?: string;
  to?: string;
  dnsTo?: string;
  dryRun?: boolean;
  authCode?: string;
  maxPrice?: string;
  switchNameservers?: boolean;
  years?: string;
  yes?: boolean;
  status?: boolean;
  transfer?: string;
}

/** `"20 USD"`, `"20.50 usd"`, `"USD 20"` → Money. */
export function parseMaxPrice(value: string): Money {
  const text = value.trim();
  const match =
    /^(\d+(?:\.\d+)?)\s*([A-Za-z]{3})$/.exec(text) ?? /^([A-Za-z]{3})\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (!match)
    throw new UsageError(`--max-price "${value}" is not an amount and a currency`, 'write it as "20 USD"');
  const [amount, currency] = /^\d/.test(match[1]!) ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
  return { amount, currency: currency.toUpperCase() };
}

function years(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 10)
    throw new UsageError(`--years ${value} is not a whole number from 1 to 10`, 'pass --years 1');
  return parsed;
}

const MARK: Record<MoveStep['status'], string> = { done: '✓', skipped: '–', waiting: '…', failed: '✗' };

function stepLine(step: MoveStep): string {
  return `${MARK[step.status]} ${step.name.padEnd(11)} ${step.detail}`;
}

function reportJson(report: MoveReport, ctx: CliContext) {
  return {
    domain: report.domain,
    state: report.state,
    steps: report.steps.map((step) => ({
      name: step.name,
      status: step.status,
      detail: step.detail,
      ...(step.error ? { error: errorSummary(step.error, ctx.env) } : {}),
    })),
    transfer: report.transfer === null ? null : transferJson(report.transfer),
  };
}

function transferJson(transfer: Transfer) {
  const { raw: _raw, ...rest } = transfer as Transfer & { raw?: unknown };
  return rest;
}

const OUTCOME: Record<MoveState, (report: MoveReport) => string> = {
  planned: (r) => `Plan for ${r.domain}: nothing was changed (dry run).`,
  transfer_started: (r) =>
    `Transfer of ${r.domain} started${r.transfer ? ` (id ${r.transfer.id}, ${r.transfer.status})` : ''}: follow it with \`registrar-kit move --status --to <provider> --transfer ${r.transfer?.id ?? '<id>'}\`.`,
  waiting_for_auth_code: (r) =>
    `Waiting for the auth code of ${r.domain}: the losing registrar e-mailed it to the registrant; run the same command again with --auth-code CODE.`,
  refused: (r) => `Move of ${r.domain} refused before anything changed: ${failedDetail(r)}.`,
  failed: (r) => `Move of ${r.domain} failed: ${failedDetail(r)}. Run the same command again to resume.`,
};

function failedDetail(report: MoveReport): string {
  return report.steps.find((step) => step.status === 'failed')?.detail ?? 'see the steps above';
}

export async function runMove(
  ctx: CliContext,
  domain: string | undefined,
  options: MoveOptions,
): Promise<number> {
  if (options.status) return transferStatus(ctx, options);
  if (!domain) throw new UsageError('move needs a domain', 'registrar-kit move example.com --from p --to q');
  if (!options.from || !options.to)
    throw new UsageError(
      'move needs --from and --to',
      'name the registrar it is at and the one to move it to',
    );
  const from = providerFlag(options.from, '--from');
  const to = providerFlag(options.to, '--to');
  if (from === to)
    throw new UsageError('--from and --to are the same provider', 'move between two registrars');
  const dnsTo = options.dnsTo === undefined ? undefined : providerFlag(options.dnsTo, '--dns-to');
  const ids: KnownProviderId[] = [from, to, ...(dnsTo && dnsTo !== from && dnsTo !== to ? [dnsTo] : [])];
  // With --emulate, the gaining side starts without the seeded portfolio, so the domain moves.
  const registrars = await ctx.registrars(ids, { empty: ids.filter((id) => id !== from) });
  const byId = (id: KnownProviderId) => registrars[ids.indexOf(id)]!;
  const base = {
    from: byId(from),
    to: byId(to),
    domain,
    ...(dnsTo ? { dnsTo: byId(dnsTo) } : {}),
    ...(options.authCode ? { authCode: options.authCode } : {}),
    ...(options.maxPrice ? { maxPrice: parseMaxPrice(options.maxPrice) } : {}),
    ...(options.switchNameservers ? { switchNameservers: true } : {}),
    ...(options.years ? { years: years(options.years) } : {}),
  };
  const plan = await moveDomain({ ...base, dryRun: true });
  if (options.dryRun || plan.state === 'refused') return finish(ctx, plan);
  if (!ctx.out.json) {
    ctx.out.line(`Plan for moving ${plan.domain} from ${from} to ${to}:`);
    for (const step of plan.steps) ctx.out.line(`  ${stepLine(step)}`);
  }
  if (!options.yes) {
    if (!canAsk(ctx.io))
      throw new UsageError(
        `not moving ${plan.domain} without confirmation: stdin is not a terminal`,
        'check the plan with --dry-run, then pass --yes',
      );
    if (!(await confirm(ctx.io, `Move ${plan.domain} from ${from} to ${to}?`))) {
      ctx.io.stderr.write('Not moved: nothing was changed.\n');
      return EXIT_FAILURE;
    }
  }
  const report = await moveDomain({
    ...base,
    onStep: (step) => {
      if (!ctx.out.json) ctx.out.line(stepLine(step));
    },
  });
  return finish(ctx, report, true);
}

function finish(ctx: CliContext, report: MoveReport, stepsShown = false): number {
  if (ctx.out.json) ctx.out.printJson(reportJson(report, ctx));
  else {
    if (!stepsShown) for (const step of report.steps) ctx.out.line(stepLine(step));
    ctx.out.line(OUTCOME[report.state](report));
  }
  return MOVE_EXIT[report.state];
}

async function transferStatus(ctx: CliContext, options: MoveOptions): Promise<number> {
  if (!options.to || !options.transfer)
    throw new UsageError(
      'move --status needs --to and --transfer',
      'pass the id `move` printed: --transfer <id>',
    );
  const registrar = await ctx.registrar(providerFlag(options.to, '--to'));
  const transfer = await registrar.getTransfer(options.transfer);
  if (ctx.out.json) ctx.out.printJson({ transfer: transferJson(transfer) });
  else ctx.out.line(`Transfer ${transfer.id} of ${transfer.domain}: ${transfer.status}`);
  if (transfer.status === 'completed') return EXIT_OK;
  if (transfer.status === 'failed' || transfer.status === 'cancelled') return EXIT_FAILURE;
  return EXIT_TRANSFER_PENDING;
}
