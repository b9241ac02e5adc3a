/**
 * `registrar-kit demo`: the product in a few seconds, on the loopback emulators of every provider
 * (no account, no network): availability across providers, a price comparison, the portfolio at two providers,
 * DNS records created at one provider and copied to another, and a summary.
 */
import type { DnsRecord, DnsRecordInput, Domain, KnownProviderId, Registrar } from '@registrar-kit/core';
import { toArray } from '@registrar-kit/core';
import { type CheckResult, checkNames, money, statusCell } from './cli/commands/check.js';
import { type CompareResult, renderComparison, runComparison } from './cli/commands/compare.js';
import { renderRecords } from './cli/commands/dns.js';
import { renderDomainList } from './cli/commands/domains.js';
import type { Emulation } from './cli/emulate.js';
import { errorSummary } from './cli/errors.js';
import type { Renderer } from './cli/render.js';
import { PROVIDER_LIST, PROVIDERS } from './providers.js';

/** Names the demo checks: one free, one premium, one taken (the emulators' seeded names). */
export const DEMO_NAMES = ['my-new-startup.dev', 'premium-name.com', 'registered-name.com'] as const;
/** Illustrative exchange rates (worth of one unit in US dollars), to rank USD and GBP quotes together. */
export const DEMO_RATES: Record<string, number> = { USD: 1, GBP: 1.27 };
const PORTFOLIO_PROVIDERS: KnownProviderId[] = ['pocketdns', 'dnsimple'];
const DNS_SOURCE: KnownProviderId = 'dnsimple';
const DNS_TARGET: KnownProviderId = 'cloudflare';
const DNS_ZONE = 'test-domain-1.com';
const NEW_RECORDS: DnsRecordInput[] = [
  { type: 'A', name: 'shop', content: '192.0.2.10', ttl: 3600 },
  { type: 'CNAME', name: 'docs', content: 'docs.example.net', ttl: 3600 },
  { type: 'TXT', name: '@', content: 'registrar-kit-demo=copied-across-providers', ttl: 3600 },
];

export interface DemoDnsResult {
  domain: string;
  source: KnownProviderId;
  target: KnownProviderId;
  /** Records created at the source for the demo. */
  created: DnsRecord[];
  /** Records created at the target (those the target did not have yet). */
  copied: DnsRecord[];
  /** Source records the target already had (same type, name, content and priority). */
  alreadyPresent: number;
  /** The target's records after the copy. */
  targetRecords: DnsRecord[];
  errors: { input: DnsRecordInput; error: { name: string; message: string } }[];
}

/** `demo --json`. Each step is null when it failed; `failures` says why. */
export interface DemoResult {
  availability: CheckResult[] | null;
  comparison: CompareResult | null;
  portfolio: Domain[] | null;
  dns: DemoDnsResult | null;
  failures: { step: string; error: { name: string; message: string } }[];
  summary: {
    providers: number;
    namesChecked: number;
    quotes: number;
    domainsListed: number;
    recordsCopied: number;
    requests: number;
    durationMs: number;
  };
}

const recordKey = (record: { type: string; name: string; content: string; priority?: number | null }) =>
  `${record.type} ${record.name} ${record.content} ${record.priority ?? ''}`;

/** Runs the walkthrough; returns true when every step succeeded. */
export async function runDemo(out: Renderer): Promise<boolean> {
  const started = performance.now();
  const { colors } = out;
  const human = !out.json;
  const env = out.io.env;
  const result: DemoResult = {
    availability: null,
    comparison: null,
    portfolio: null,
    dns: null,
    failures: [],
    summary: {
      providers: 0,
      namesChecked: 0,
      quotes: 0,
      domainsListed: 0,
      recordsCopied: 0,
      requests: 0,
      durationMs: 0,
    },
  };
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      const summary = errorSummary(error, env);
      result.failures.push({ step: name, error: summary });
      if (human) out.line(colors.red(`${name} failed: ${summary.name}: ${summary.message}`));
      return null;
    }
  };

  if (human) {
    out.line(colors.bold('registrar-kit demo'));
    out.note(`One typed API, ${PROVIDER_LIST.length} providers, each run against a built-in emulator of`);
    out.note('its API on 127.0.0.1: no account, no credentials, no network. Every call below');
    out.note('is a real HTTP request through the same adapters you would use in production.');
  }

  let emulation: Emulation | null = null;
  try {
    const { startEmulation } = await import('./cli/emulate.js');
    emulation = await startEmulation(PROVIDER_LIST);
    const live = emulation;
    const registrar = (id: KnownProviderId): Registrar => live.registrar(id);
    result.summary.providers = PROVIDER_LIST.length;
    if (human) {
      out.heading(`1. The provider APIs, emulated (${PROVIDER_LIST.length})`);
      out.table({
        head: ['provider', 'emulator', 'prices in'],
        rows: PROVIDER_LIST.map((id) => [
          PROVIDERS[id].label,
          live.emulators[id]!.url,
          registrar(id).supports('getPrice')
            ? live.emulators[id]!.seedInfo.currency
            : colors.dim('(no prices)'),
        ]),
      });
    }

    // 2. Availability across providers
    if (human) out.heading('2. Is the name free? checkAvailability at every provider');
    result.availability = await step('availability', async () => {
      const registrars = PROVIDER_LIST.map(registrar);
      const rows = await checkNames(registrars, DEMO_NAMES, out);
      if (human) {
        out.table({
          head: ['provider', ...DEMO_NAMES],
          rows: PROVIDER_LIST.map((id) => [
            PROVIDERS[id].label,
            ...DEMO_NAMES.map((name) => {
              const row = rows.find((r) => r.name === name && r.provider === id)!;
              if (row.error) return colors.red(row.error.name);
              return row.price
                ? `${statusCell(out, row.status)} ${colors.dim(money(row.price))}`
                : statusCell(out, row.status);
            }),
          ]),
        });
      }
      result.summary.namesChecked = DEMO_NAMES.length;
      return rows;
    });

    // 3. Price comparison
    const name = DEMO_NAMES[0];
    if (human) out.heading(`3. What does ${name} cost? comparePrices, cheapest first`);
    result.comparison = await step('comparison', async () => {
      const comparison = await runComparison(
        PROVIDER_LIST.map(registrar),
        { domain: name, operation: 'register', years: 1, exchangeRates: DEMO_RATES },
        out,
      );
      if (human) {
        renderComparison(out, comparison);
        out.note(
          `rates used (illustrative): ${Object.entries(DEMO_RATES)
            .map(([c, r]) => `1 ${c} = ${r} USD`)
            .join(', ')};`,
        );
        out.note('without rates, quotes in different currencies are ranked apart, never mixed.');
      }
      result.summary.quotes = comparison.quotes.length;
      return comparison;
    });

    // 4. Portfolio at two providers
    if (human)
      out.heading(
        `4. The portfolio at ${PORTFOLIO_PROVIDERS.map((id) => PROVIDERS[id].label).join(' and ')}: listDomains`,
      );
    result.portfolio = await step('portfolio', async () => {
      const lists = await Promise.all(PORTFOLIO_PROVIDERS.map((id) => toArray(registrar(id).listDomains())));
      const domains = lists.flat();
      if (human) renderDomainList(out, domains, true);
      result.summary.domainsListed = domains.length;
      return domains;
    });

    // 5. DNS copy
    const source = registrar(DNS_SOURCE);
    const target = registrar(DNS_TARGET);
    if (human) {
      out.heading(
        `5. DNS: records created at ${PROVIDERS[DNS_SOURCE].label}, copied to ${PROVIDERS[DNS_TARGET].label} (${DNS_ZONE})`,
      );
    }
    result.dns = await step('dns copy', async () => {
      const created = await source.createRecords(DNS_ZONE, NEW_RECORDS);
      if (created.errors.length > 0) throw created.errors[0]!.error;
      const sourceRecords = await toArray(source.listRecords(DNS_ZONE));
      if (human) {
        out.line(
          colors.bold(
            `at ${PROVIDERS[DNS_SOURCE].label} after createRecords (${created.created.length} new):`,
          ),
        );
        renderRecords(out, sourceRecords, false);
      }
      const present = new Set((await toArray(target.listRecords(DNS_ZONE))).map(recordKey));
      const missing = sourceRecords.filter((record) => !present.has(recordKey(record)));
      const inputs: DnsRecordInput[] = missing.map((record) => ({
        type: record.type,
        name: record.name,
        content: record.content,
        ttl: record.ttl,
        ...(record.priority === null ? {} : { priority: record.priority }),
      }));
      const copied =
        inputs.length > 0 ? await target.createRecords(DNS_ZONE, inputs) : { created: [], errors: [] };
      const targetRecords = await toArray(target.listRecords(DNS_ZONE));
      if (human) {
        out.line(
          colors.bold(
            `at ${PROVIDERS[DNS_TARGET].label} after createRecords: ${copied.created.length} copied, ` +
              `${sourceRecords.length - missing.length} already there`,
          ),
        );
        renderRecords(out, targetRecords, false);
        for (const failure of copied.errors) {
          const error = errorSummary(failure.error, env);
          out.line(colors.red(`not copied: ${recordKey(failure.input)}: ${error.name}: ${error.message}`));
        }
      }
      result.summary.recordsCopied = copied.created.length;
      return {
        domain: DNS_ZONE,
        source: DNS_SOURCE,
        target: DNS_TARGET,
        created: created.created,
        copied: copied.created,
        alreadyPresent: sourceRecords.length - missing.length,
        targetRecords,
        errors: copied.errors.map((failure) => ({
          input: failure.input,
          error: errorSummary(failure.error, env),
        })),
      } satisfies DemoDnsResult;
    });
    if (result.dns && result.dns.errors.length > 0) {
      result.failures.push({ step: 'dns copy', error: result.dns.errors[0]!.error });
    }
    result.summary.requests = live.requestCount();
  } finally {
    await emulation?.close();
  }

  result.summary.durationMs = Math.round(performance.now() - started);
  const ok = result.failures.length === 0;
  if (out.json) {
    out.printJson(result);
    return ok;
  }
  out.heading('Summary');
  const s = result.summary;
  out.table({
    head: [],
    rows: [
      ['providers', String(s.providers)],
      ['availability checks', `${s.namesChecked} names × ${PROVIDER_LIST.length} providers`],
      ['price quotes', String(s.quotes)],
      ['domains listed', String(s.domainsListed)],
      ['DNS records copied', String(s.recordsCopied)],
      ['HTTP requests answered', String(s.requests)],
      ['time', `${(s.durationMs / 1000).toFixed(2)} s`],
    ],
  });
  out.line(
    ok ? colors.green('All steps succeeded.') : colors.red(`${result.failures.length} step(s) failed.`),
  );
  out.note('Next: `registrar-kit providers`, `registrar-kit check example.com --emulate`,');
  out.note('or set a provider credential (e.g. DNSIMPLE_TOKEN) and drop --emulate to run');
  out.note('the same commands against the real API.');
  return ok;
}
