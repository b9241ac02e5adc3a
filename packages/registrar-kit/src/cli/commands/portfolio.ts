/**
 * `registrar-kit portfolio`: every domain at every configured provider (credentials from the
 * environment, or every provider with --emulate) in one table sorted by expiry, each with the
 * flags a domain owner acts on (core's `portfolio()`); `--json`, `--csv`; a provider that fails is
 * reported and the others still listed; exit code 3 when something needs attention.
 */
import {
  type DomainFlag,
  hasCredentialsInEnv,
  type KnownProviderId,
  type Portfolio,
  portfolio,
} from '@registrar-kit/core';
import { PROVIDERS } from '../../providers.js';
import { type CliContext, capabilityMatrix, selectProviders } from '../context.js';
import { EXIT_ATTENTION, EXIT_OK, errorSummary, UsageError } from '../errors.js';
import { day, type Renderer } from '../render.js';

const FLAG_LABELS: Record<DomainFlag, string> = {
  expiring_without_auto_renew: 'expiring, auto-renew off',
  expired: 'expired',
  redemption: 'in redemption',
  transfer_lock_off: 'transfer lock off',
  no_dnssec: 'no DNSSEC',
};

/** The flags of `portfolio` (definitions/portfolio.ts). */
export interface PortfolioOptions {
  provider?: string;
  within: number;
  csv?: boolean;
}

/** The providers to list: `--provider`, else those with credentials in the environment (all with --emulate). */
function providersToList(
  given: string | undefined,
  emulate: boolean,
  env: NodeJS.ProcessEnv,
): KnownProviderId[] {
  const listing = selectProviders(given, 'listDomains');
  if (given !== undefined || emulate) return listing;
  const configured = listing.filter((id) => hasCredentialsInEnv(PROVIDERS[id].info, env));
  if (configured.length === 0) {
    const matrix = capabilityMatrix();
    const variables = listing
      .filter((id) => matrix[id].listDomains)
      .map((id) => PROVIDERS[id].env.requires.join(' + '))
      .join(', ');
    throw new UsageError(
      'no provider has credentials in the environment',
      `set the variables of at least one provider (${variables}), or add --emulate to try the emulators`,
    );
  }
  return configured;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function portfolioCsv(result: Portfolio): string {
  const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');
  const lines = [['provider', 'domain', 'status', 'expires_at', 'auto_renew', 'transfer_lock', 'flags']];
  for (const { domain, flags } of result.entries) {
    lines.push([
      domain.provider,
      domain.name,
      domain.status,
      domain.expiresAt?.toISOString() ?? '',
      yesNo(domain.autoRenew),
      yesNo(domain.transferLock),
      flags.join(';'),
    ]);
  }
  return `${lines.map((line) => line.map(csvField).join(',')).join('\n')}\n`;
}

function renderPortfolio(out: Renderer, result: Portfolio, env: NodeJS.ProcessEnv, withinDays: number): void {
  const { colors } = out;
  out.table({
    head: ['expires', 'domain', 'provider', 'auto-renew', 'lock', 'attention'],
    rows: result.entries.map(({ domain, flags }) => [
      day(domain.expiresAt),
      domain.name,
      domain.provider,
      out.yesNo(domain.autoRenew),
      out.yesNo(domain.transferLock),
      flags.length === 0 ? '' : colors.yellow(flags.map((flag) => FLAG_LABELS[flag]).join(', ')),
    ]),
  });
  const flagged = result.entries.filter((entry) => entry.flags.length > 0).length;
  out.note(
    `${result.entries.length} domain${result.entries.length === 1 ? '' : 's'}, ${flagged} needing attention (expiring within ${withinDays} days counts)`,
  );
  if (result.failures.length > 0) {
    out.line(colors.bold('not listed'));
    out.table({
      head: ['provider', 'reason'],
      rows: result.failures.map(({ provider, error }) => {
        const summary = errorSummary(error, env);
        return [provider, colors.red(`${summary.name}: ${summary.message}`)];
      }),
    });
  }
}

export async function runPortfolio(ctx: CliContext, options: PortfolioOptions): Promise<number> {
  if (options.csv && ctx.out.json)
    throw new UsageError('--csv and --json cannot be used together', 'use one or the other');
  const ids = providersToList(options.provider, ctx.options.emulate === true, ctx.env);
  const registrars = await ctx.registrars(ids);
  const result = await portfolio(registrars, { withinDays: options.within });
  if (ctx.out.json) {
    ctx.out.printJson({
      withinDays: options.within,
      needsAttention: result.needsAttention,
      entries: result.entries,
      failures: result.failures.map(({ provider, error }) => ({
        provider,
        error: { ...errorSummary(error, ctx.env), code: String(error.code) },
      })),
    });
  } else if (options.csv) {
    ctx.io.stdout.write(portfolioCsv(result));
    for (const { provider, error } of result.failures) {
      const summary = errorSummary(error, ctx.env);
      ctx.io.stderr.write(`warning: ${provider} not listed: ${summary.name}: ${summary.message}\n`);
    }
  } else {
    renderPortfolio(ctx.out, result, ctx.env, options.within);
  }
  return result.needsAttention ? EXIT_ATTENTION : EXIT_OK;
}
