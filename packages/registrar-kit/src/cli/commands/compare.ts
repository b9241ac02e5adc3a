/** `registrar-kit compare <name>` (flags in definitions/compare.ts): price quotes across providers, cheapest first. */
import { readFile } from 'node:fs/promises';
import {
  comparePrices,
  type PriceComparison,
  type PriceOperation,
  type PriceQuote,
} from '@registrar-kit/core';
import { type CliContext, selectProviders } from '../context.js';
import { EXIT_FAILURE, EXIT_OK, errorSummary, UsageError } from '../errors.js';
import { startProgress } from '../progress.js';
import type { Renderer } from '../render.js';
import { money } from './check.js';

/** `compare --json`. */
export interface CompareResult {
  domain: string;
  operation: PriceOperation;
  years: number;
  exchangeRates: Record<string, number> | null;
  /** Cheapest first; converted currencies ranked together, the others within their currency. */
  quotes: ComparedQuote[];
  /** The same quotes per currency, each cheapest first. */
  byCurrency: Record<string, ComparedQuote[]>;
  failures: { provider: string; error: { name: string; message: string } }[];
}

/**
 * A quote with the value the table ranks it by: the price × the rate of its currency (`--rates`),
 * as a decimal string with 2 places in the reference unit; null without a rate for its currency.
 */
export type ComparedQuote = PriceQuote & { convertedValue: string | null };

export function convertedValue(quote: PriceQuote, rates: Record<string, number> | null): string | null {
  const rate = rates?.[quote.price.currency];
  return rate === undefined ? null : (Number(quote.price.amount) * rate).toFixed(2);
}

/** Reads `--rates file.json`: `{ "USD": 1, "GBP": 1.27 }`, the worth of one unit of each currency. */
export async function readRates(file: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(
      `cannot read --rates file ${file} (${code})`,
      'give a JSON file like {"USD": 1, "GBP": 1.27}',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `--rates file ${file} is not JSON`,
      'give a JSON object like {"USD": 1, "GBP": 1.27}',
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(
      `--rates file ${file} is not a JSON object`,
      'give a JSON object like {"USD": 1, "GBP": 1.27}',
    );
  }
  const rates: Record<string, number> = {};
  for (const [currency, rate] of Object.entries(parsed)) {
    if (!/^[A-Z]{3}$/.test(currency) || typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      throw new UsageError(
        `--rates file ${file}: ${JSON.stringify(currency)} → ${JSON.stringify(rate)} is not a currency code with a positive rate`,
        'keys are ISO 4217 codes (USD), values the worth of one unit in a common reference unit',
      );
    }
    rates[currency] = rate;
  }
  return rates;
}

export function toCompareResult(
  comparison: PriceComparison,
  request: {
    domain: string;
    operation: PriceOperation;
    years: number;
    exchangeRates: Record<string, number> | null;
  },
  env: NodeJS.ProcessEnv,
): CompareResult {
  const compared = (quote: PriceQuote): ComparedQuote => ({
    ...quote,
    convertedValue: convertedValue(quote, request.exchangeRates),
  });
  return {
    ...request,
    quotes: comparison.quotes.map(compared),
    byCurrency: Object.fromEntries(
      Object.entries(comparison.byCurrency).map(([currency, quotes]) => [currency, quotes.map(compared)]),
    ),
    failures: comparison.failures.map(({ provider, error }) => ({
      provider,
      error: errorSummary(error, env),
    })),
  };
}

export async function runComparison(
  registrars: Parameters<typeof comparePrices>[0],
  request: {
    domain: string;
    operation: PriceOperation;
    years: number;
    exchangeRates: Record<string, number> | null;
  },
  out: Renderer,
): Promise<CompareResult> {
  const progress = startProgress(out, `asking ${registrars.length} providers for prices`, registrars.length);
  try {
    const comparison = await comparePrices(registrars, request.domain, {
      operation: request.operation,
      years: request.years,
      ...(request.exchangeRates ? { exchangeRates: request.exchangeRates } : {}),
      timeoutMs: 30_000,
    });
    return toCompareResult(comparison, request, out.io.env);
  } finally {
    progress.stop();
  }
}

function quoteRows(
  out: Renderer,
  quotes: readonly PriceQuote[],
  rates: Record<string, number> | null,
): string[][] {
  return quotes.map((quote, index) => {
    const row = [
      String(index + 1),
      quote.provider,
      money(quote.price),
      out.yesNo(quote.premium),
      out.yesNo(quote.available),
    ];
    if (rates) row.splice(3, 0, convertedValue(quote, rates) ?? '-');
    return row;
  });
}

/** Tables of a comparison: one ranked table with rates, else one per currency; then the failures. */
export function renderComparison(out: Renderer, result: CompareResult): void {
  const { colors } = out;
  const rates = result.exchangeRates;
  const title = `${result.operation} ${result.domain} for ${result.years} year${result.years === 1 ? '' : 's'}`;
  const converted = rates ? result.quotes.filter((quote) => rates[quote.price.currency] !== undefined) : [];
  if (converted.length > 0) {
    out.line(colors.bold(`${title}, ranked by converted value (--rates)`));
    out.table({
      head: ['#', 'provider', 'price', 'value (rates)', 'premium', 'available'],
      rows: quoteRows(out, converted, rates),
      align: ['right', 'left', 'right', 'right', 'center', 'center'],
    });
  }
  const rest = rates
    ? result.quotes.filter((quote) => rates[quote.price.currency] === undefined)
    : result.quotes;
  const currencies = [...new Set(rest.map((quote) => quote.price.currency))];
  if (currencies.length > 1 || (converted.length > 0 && currencies.length > 0)) {
    out.note('different currencies are ranked separately; pass --rates file.json to rank them together');
  }
  for (const currency of currencies) {
    out.line(colors.bold(`${title}, in ${currency}`));
    out.table({
      head: ['#', 'provider', 'price', 'premium', 'available'],
      rows: quoteRows(
        out,
        rest.filter((quote) => quote.price.currency === currency),
        null,
      ),
      align: ['right', 'left', 'right', 'center', 'center'],
    });
  }
  if (result.quotes.length === 0) out.line(colors.red(`no quotes for ${title}`));
  if (result.failures.length > 0) {
    out.line(colors.bold('no quote from'));
    out.table({
      head: ['provider', 'reason'],
      rows: result.failures.map(({ provider, error }) => [
        provider,
        colors.red(`${error.name}: ${error.message}`),
      ]),
    });
  }
}

/** The flags of `compare` (definitions/compare.ts). */
export interface CompareOptions {
  operation: PriceOperation;
  years: number;
  rates?: string;
  provider?: string;
}

export async function runCompare(ctx: CliContext, name: string, options: CompareOptions): Promise<number> {
  const ids = selectProviders(options.provider, 'getPrice');
  const exchangeRates = options.rates === undefined ? null : await readRates(options.rates);
  const registrars = await ctx.registrars(ids);
  const result = await runComparison(
    registrars,
    { domain: name, operation: options.operation, years: options.years, exchangeRates },
    ctx.out,
  );
  if (ctx.out.json) ctx.out.printJson(result);
  else renderComparison(ctx.out, result);
  return result.quotes.length > 0 ? EXIT_OK : EXIT_FAILURE;
}
