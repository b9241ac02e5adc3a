/**
 * `portfolio`: every domain at every registrar given, listed concurrently, sorted by expiry, each
 * with the flags a domain owner acts on. A registrar that fails is reported in `failures` and the
 * others are still listed (the CLI's `registrar-kit portfolio` is built on it).
 */

import { ProviderError } from '../errors/error-classes.js';
import { isRegistrarError, type RegistrarError } from '../errors/registrar-error.js';
import type { Domain } from '../model/domain.js';
import type { Registrar } from '../registrar.js';
import { toArray } from '../to-array.js';
import { type DomainFlag, domainFlags } from './domain-flags.js';

export interface PortfolioOptions {
  /** "Expiring soon" horizon in days (default 30). */
  withinDays?: number;
  signal?: AbortSignal;
  /** The clock (tests). */
  now?: () => Date;
}

export interface PortfolioEntry {
  domain: Domain;
  flags: DomainFlag[];
}

export interface Portfolio {
  /** Sorted by expiry (unknown expiries last), then name. */
  entries: PortfolioEntry[];
  failures: { provider: string; error: RegistrarError }[];
  /** True when some entry has a flag or some provider failed. */
  needsAttention: boolean;
}

export async function portfolio(
  registrars: readonly Registrar[],
  options: PortfolioOptions = {},
): Promise<Portfolio> {
  const withinDays = options.withinDays ?? 30;
  const now = (options.now ?? (() => new Date()))();
  const listable = registrars.filter((registrar) => registrar.supports('listDomains'));
  const settled = await Promise.allSettled(
    listable.map((registrar) =>
      toArray(registrar.listDomains(options.signal ? { signal: options.signal } : {})),
    ),
  );
  const entries: PortfolioEntry[] = [];
  const failures: Portfolio['failures'] = [];
  settled.forEach((result, index) => {
    const registrar = listable[index] as Registrar;
    if (result.status === 'fulfilled') {
      for (const domain of result.value)
        entries.push({ domain, flags: domainFlags(domain, { withinDays, now }) });
    } else {
      failures.push({
        provider: registrar.provider,
        error: asRegistrarError(result.reason, registrar.provider),
      });
    }
  });
  entries.sort(byExpiry);
  return {
    entries,
    failures,
    needsAttention: failures.length > 0 || entries.some((entry) => entry.flags.length > 0),
  };
}

function byExpiry(a: PortfolioEntry, b: PortfolioEntry): number {
  const ea = a.domain.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.domain.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.domain.name < b.domain.name ? -1 : a.domain.name > b.domain.name ? 1 : 0;
}

function asRegistrarError(error: unknown, provider: string): RegistrarError {
  if (isRegistrarError(error)) return error;
  // Not a typed failure (a bug in an adapter): still reported, with the original as cause.
  return new ProviderError(
    `${provider} listDomains failed unexpectedly: ${String((error as Error)?.message ?? error)}`,
    {
      provider,
      operation: 'listDomains',
      cause: error,
    },
  );
}
