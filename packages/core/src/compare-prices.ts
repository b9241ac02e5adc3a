import { NetworkError, ProviderError, ValidationError } from './errors/error-classes.js';
import { isRegistrarError, type RegistrarError } from './errors/registrar-error.js';
import { addDecimal, compareDecimal, type Money, multiplyDecimal } from './model/money.js';
import type { PriceOperation, PriceQuote } from './model/price.js';
import type { ProviderId } from './model/provider-id.js';
import type { Registrar } from './registrar.js';

export interface ComparePricesOptions {
  operation?: PriceOperation;
  years?: number;
  /** Worth of one unit of each currency in one common reference unit: `{ USD: 1, GBP: 1.27 }`. */
  exchangeRates?: Record<string, number>;
  signal?: AbortSignal;
  /**
   * Rank by what a customer pays over this many years: the quoted operation (`years`) plus
   * renewals at each quote's `renewalPrice` up to `totalYears`. Adds `totalCost` to every quote
   * (null when the provider gives no renewal price). At least `years`.
   */
  totalYears?: number;
  /** Deadline per provider in ms: a provider slower than this is listed in `failures` (NetworkError, code timeout). */
  timeoutMs?: number;
}

/** A quote in a comparison; `totalCost` is there when `totalYears` was asked. */
export type ComparedQuote = PriceQuote & { totalCost?: Money | null };

export interface PriceComparison {
  /**
   * Cheapest first. Quotes whose currency has a rate are ranked together by their worth in the
   * reference unit; quotes in a currency without a rate (all of them, without `exchangeRates`)
   * are ranked within their own currency, after the converted ones, currency groups in code order.
   * Quotes in different currencies are never compared as if equal.
   */
  quotes: ComparedQuote[];
  /** The same quotes grouped by currency, each group cheapest first. */
  byCurrency: Record<string, ComparedQuote[]>;
  failures: { provider: ProviderId; error: RegistrarError }[];
}

/**
 * Asks every registrar for a price in parallel. A slow or failing provider never sinks the others:
 * it is listed in `failures` with its typed error (an unsupported operation included).
 */
export async function comparePrices(
  registrars: readonly Registrar[],
  name: string,
  options: ComparePricesOptions = {},
): Promise<PriceComparison> {
  const operation = options.operation ?? 'register';
  const years = options.years ?? 1;
  checkTotalYears(options.totalYears, years);
  const settled = await Promise.allSettled(
    registrars.map((registrar) => withDeadline(registrar, name, { operation, years }, options)),
  );
  const quotes: ComparedQuote[] = [];
  const failures: PriceComparison['failures'] = [];
  const { totalYears } = options;
  settled.forEach((result, index) => {
    const provider = registrars[index]!.provider;
    if (result.status === 'fulfilled')
      quotes.push(
        totalYears === undefined
          ? result.value
          : { ...result.value, totalCost: totalCost(result.value, totalYears) },
      );
    else failures.push({ provider, error: asRegistrarError(result.reason, provider) });
  });
  return rankQuotes(quotes, failures, options.exchangeRates);
}

/**
 * What the customer pays over `totalYears`: the quote plus `renewalPrice` for every further year;
 * null when a further year has no renewal price, or one in another currency.
 */
export function totalCost(quote: PriceQuote, totalYears: number): Money | null {
  const further = totalYears - quote.years;
  if (further <= 0) return quote.price;
  const renewal = quote.renewalPrice;
  if (!renewal || renewal.currency !== quote.price.currency) return null;
  return {
    amount: addDecimal(quote.price.amount, multiplyDecimal(renewal.amount, further)),
    currency: renewal.currency,
  };
}

function checkTotalYears(totalYears: number | undefined, years: number): void {
  if (totalYears === undefined || (Number.isInteger(totalYears) && totalYears >= years && totalYears <= 100))
    return;
  const message = `must be a whole number of years from ${years} (the quoted term) to 100`;
  throw new ValidationError(`comparePrices: invalid totalYears: ${message}`, {
    operation: 'comparePrices',
    issues: [{ path: 'totalYears', message }],
  });
}

/** The amount a quote is ranked by: its total cost when one was asked, else its price. */
function rankedMoney(quote: ComparedQuote): Money | null {
  return quote.totalCost === undefined ? quote.price : quote.totalCost;
}

/** Cheapest first; a quote with no total cost after those with one. */
function byAmount(a: ComparedQuote, b: ComparedQuote): number {
  const ma = rankedMoney(a);
  const mb = rankedMoney(b);
  if (!ma || !mb) return (ma ? 0 : 1) - (mb ? 0 : 1);
  return compareDecimal(ma.amount, mb.amount);
}

function rankQuotes(
  quotes: ComparedQuote[],
  failures: PriceComparison['failures'],
  rates: Record<string, number> | undefined,
): PriceComparison {
  const rateOf = (quote: ComparedQuote) => rates?.[quote.price.currency];
  const worth = (quote: ComparedQuote) => {
    const amount = rankedMoney(quote);
    return amount ? Number(amount.amount) * rateOf(quote)! : Number.POSITIVE_INFINITY;
  };
  const converted = quotes.filter((quote) => rateOf(quote) !== undefined);
  const unconverted = quotes.filter((quote) => rateOf(quote) === undefined);
  converted.sort((a, b) => worth(a) - worth(b));
  unconverted.sort((a, b) => a.price.currency.localeCompare(b.price.currency) || byAmount(a, b));
  const byCurrency: Record<string, ComparedQuote[]> = {};
  for (const quote of [...quotes].sort(byAmount)) {
    const group = byCurrency[quote.price.currency] ?? [];
    group.push(quote);
    byCurrency[quote.price.currency] = group;
  }
  return { quotes: [...converted, ...unconverted], byCurrency, failures };
}

/**
 * One provider's quote, settled by whichever comes first: its answer, `timeoutMs`, or the caller's
 * signal. The signal and the deadline are passed on to `getPrice` too, but a provider that ignores
 * them never holds the comparison up: it is given up on and listed in `failures`.
 */
async function withDeadline(
  registrar: Registrar,
  name: string,
  price: { operation: PriceOperation; years: number },
  options: ComparePricesOptions,
): Promise<PriceQuote> {
  const { provider } = registrar;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const givenUp = new Promise<never>((_, reject) => {
    const stop = (error: RegistrarError) => {
      controller.abort(error);
      reject(error);
    };
    onAbort = () =>
      stop(
        new NetworkError(`${provider} getPrice was aborted`, {
          provider,
          operation: 'getPrice',
          code: 'aborted',
        }),
      );
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined)
      timer = setTimeout(
        () =>
          stop(
            new NetworkError(`${provider} getPrice did not answer within ${options.timeoutMs} ms`, {
              provider,
              operation: 'getPrice',
              code: 'timeout',
            }),
          ),
        options.timeoutMs,
      );
  });
  givenUp.catch(() => {});
  try {
    if (controller.signal.aborted) return await givenUp;
    const call = Promise.resolve().then(() =>
      registrar.getPrice(name, { ...price, signal: controller.signal }),
    );
    call.catch(() => {});
    return await Promise.race([call, givenUp]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}

function asRegistrarError(reason: unknown, provider: string): RegistrarError {
  if (isRegistrarError(reason)) return reason;
  return new ProviderError(`${provider} getPrice failed: ${String((reason as Error)?.message ?? reason)}`, {
    provider,
    operation: 'getPrice',
    cause: reason,
  });
}
