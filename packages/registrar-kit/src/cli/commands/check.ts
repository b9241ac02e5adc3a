/** `registrar-kit check <name...>` (flags in definitions/check.ts): availability of each name at each selected provider. */
import type { AvailabilityStatus, Money, Registrar } from '@registrar-kit/core';
import { mapLimit } from '../concurrency.js';
import { type CliContext, selectProviders } from '../context.js';
import { EXIT_FAILURE, EXIT_OK, errorSummary } from '../errors.js';
import { startProgress } from '../progress.js';
import type { Renderer } from '../render.js';

/** One row of `check --json`: a name at a provider, or the error that provider gave. */
export interface CheckResult {
  name: string;
  provider: string;
  available: boolean | null;
  status: AvailabilityStatus | null;
  premium: boolean | null;
  price: Money | null;
  reason: string | null;
  error: { name: string; message: string } | null;
  raw?: unknown;
}

/** Checks every name at every registrar (bounded concurrency); one row per name × provider, in that order. */
export async function checkNames(
  registrars: readonly Registrar[],
  names: readonly string[],
  out: Renderer,
): Promise<CheckResult[]> {
  const jobs = names.flatMap((name) => registrars.map((registrar) => ({ name, registrar })));
  const progress = startProgress(out, 'checking availability', jobs.length);
  try {
    return await mapLimit(jobs, 8, async ({ name, registrar }): Promise<CheckResult> => {
      try {
        const result = await registrar.checkAvailability(name);
        return {
          name,
          provider: registrar.provider,
          available: result.available,
          status: result.status,
          premium: result.premium,
          price: result.price,
          reason: result.reason,
          error: null,
          raw: result.raw,
        };
      } catch (error) {
        return {
          name,
          provider: registrar.provider,
          available: null,
          status: null,
          premium: null,
          price: null,
          reason: null,
          error: errorSummary(error, out.io.env),
        };
      } finally {
        progress.tick();
      }
    });
  } finally {
    progress.stop();
  }
}

export function statusCell(out: Renderer, status: AvailabilityStatus | null): string {
  const { colors } = out;
  switch (status) {
    case null:
      return colors.red('error');
    case 'available':
      return colors.green(status);
    case 'premium':
      return colors.yellow(status);
    case 'registered':
    case 'reserved':
    case 'unregistrable':
    case 'invalid':
      return colors.red(status);
    default:
      return colors.dim(status);
  }
}

export function money(price: Money | null | undefined): string {
  return price ? `${price.amount} ${price.currency}` : '-';
}

export function renderCheckTable(out: Renderer, results: readonly CheckResult[]): void {
  out.table({
    head: ['name', 'provider', 'status', 'premium', 'price (1 year)', 'note'],
    rows: results.map((row) => [
      row.name,
      row.provider,
      statusCell(out, row.status),
      row.error ? '' : out.yesNo(row.premium),
      row.error ? '' : money(row.price),
      row.error ? out.colors.red(`${row.error.name}: ${row.error.message}`) : (row.reason ?? ''),
    ]),
  });
}

/** `--provider a,b`: the providers to ask (default: every provider that can check). */
export interface CheckOptions {
  provider?: string;
}

export async function runCheck(ctx: CliContext, names: string[], options: CheckOptions): Promise<number> {
  const ids = selectProviders(options.provider, 'checkAvailability');
  const registrars = await ctx.registrars(ids);
  const results = await checkNames(registrars, names, ctx.out);
  if (ctx.out.json) ctx.out.printJson({ results });
  else renderCheckTable(ctx.out, results);
  return results.some((row) => row.error !== null) ? EXIT_FAILURE : EXIT_OK;
}
