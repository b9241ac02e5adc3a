import { NetworkError, ProviderError } from './errors/error-classes.js';
import { isRegistrarError, type RegistrarError } from './errors/registrar-error.js';
import { compareDecimal } from './model/money.js';
import type { PriceOperation, PriceQuote } from './model/price.js';
import type { ProviderId } from './model/provider-id.js';
import type { Registrar } from './registrar.js';

export interface ComparePricesOptions {
  operation?: PriceOperation;
  years?: number;
  /** Worth of one unit of each currency in one common reference unit: `{ USD: 1, GBP: 1.27 }`. */
  exchangeRates?: Record<string, number>;
  signal?: AbortSignal;
  /** Deadline per provider in ms: a provider slower than this is listed in `failures` (NetworkError, code timeout). */
  timeoutMs?: number;
}

export interface PriceComparison {
  /**
   * Cheapest first. Quotes whose currency has a rate are ranked together by their worth in the
   * reference unit; quotes in a currency without a rate (all of them, without `exchangeRates`)
   * are ranked within their own currency, after the converted ones, currency groups in code order.
   * Quotes in different currencies are never compared as if equal.
   */
  quotes: PriceQuote[];
  /** The same quotes grouped by currency, each group cheapest first. */
  byCurrency: Record<string, PriceQuote[]>;
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
  const settled = await Promise.allSettled(
    registrars.map((registrar) => withDeadline(registrar, name, { operation, years }, options)),
  );
  const quotes: PriceQuote[] = [];
  const failures: PriceComparison['failures'] = [];
  settled.forEach((result, index) => {
    const provider = registrars[index]!.provider;
    if (result.status === 'fulfilled') quotes.push(result.value);
    else failures.push({ provider, error: asRegistrarError(result.reason, provider) });
  });
  return rankQuotes(quotes, failures, options.exchangeRates);
}

function rankQuotes(
  quotes: PriceQuote[],
  failures: PriceComparison['failures'],
  rates: Record<string, number> | undefined,
): PriceComparison {
  const rateOf = (quote: PriceQuote) => rates?.[quote.price.currency];
  const converted = quotes.filter((quote) => rateOf(quote) !== undefined);
  const unconverted = quotes.filter((quote) => rateOf(quote) === undefined);
  converted.sort((a, b) => Number(a.price.amount) * rateOf(a)! - Number(b.price.amount) * rateOf(b)!);
  unconverted.sort(
    (a, b) =>
      a.price.currency.localeCompare(b.price.currency) || compareDecimal(a.price.amount, b.price.amount),
  );
  const byCurrency: Record<string, PriceQuote[]> = {};
  for (const quote of [...quotes].sort((a, b) => compareDecimal(a.price.amount, b.price.amount))) {
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
