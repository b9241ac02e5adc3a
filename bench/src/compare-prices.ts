/**
 * 4. `comparePrices` across every provider the project ships × 50 names with 50 ms emulator
 * latency: wall time / the slowest provider alone on the same names. The providers come from
 * registrar-kit's provider list (each adapter's factory and `providerInfo`) and the testkit's
 * `PROVIDER_EMULATORS` map, so a new provider joins without an edit here.
 */

import { cpus } from 'node:os';
import { comparePrices, type KnownProviderId, type Registrar } from '@registrar-kit/core';
import { PROVIDER_EMULATORS } from '@registrar-kit/testkit/emulators';
import { PROVIDER_LIST, PROVIDERS } from 'registrar-kit';
import type { Measurement, MeasurementResult } from './measurement.js';
import { median, pool, since } from './stats.js';
import { type EmulatorProcess, startEmulatorProcess } from './support/emulator-process.js';
import type { EmulatorKind } from './support/emulator-protocol.js';

type BenchProvider = KnownProviderId & EmulatorKind;

const hasEmulator = (id: KnownProviderId): id is BenchProvider => Object.hasOwn(PROVIDER_EMULATORS, id);

/** Every shipped adapter that the testkit emulates, in the project's table order. */
const KINDS: readonly BenchProvider[] = PROVIDER_LIST.filter(hasEmulator);
/** Shipped adapters without an emulator (named in the setup, not measured). */
const UNEMULATED = PROVIDER_LIST.filter((id) => !hasEmulator(id));

/**
 * Options beyond the testkit's defaults. Domainr runs through its Fastly API, where `getPrice`
 * makes a request (in v2 mode it fails locally as unsupported, so there would be nothing to fan out).
 */
const OVERRIDES: Partial<Record<BenchProvider, (emulator: EmulatorProcess) => Record<string, unknown>>> = {
  domainr: (emulator) => ({
    api: 'fastly',
    clientId: undefined,
    fastlyToken: emulator.seedInfo.credentials.fastlyToken,
  }),
};

/** Why an adapter sends more than one request per quote (for the notes). */
const SEVERAL_REQUESTS: Partial<Record<BenchProvider, string>> = {
  pocketdns: 'the availability answer, then the TLD price list (`GET /domains/tlds`), fresh for every quote',
  namecheap: '`domains.check`, then the price list (`users.getPricing`), fresh for every quote',
};

const label = (id: KnownProviderId) => PROVIDERS[id].label;
const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([what, n]) => `${what} ${n}`)
    .join(', ');

const NAMES = Array.from({ length: 50 }, (_, i) => `bench-compare-${i + 1}.com`);
const LATENCY_MS = 50;
/** Names priced at once (a batch of candidate names, as a name-search page would ask). */
const NAME_CONCURRENCY = 5;

export const comparePricesBench: Measurement = async ({ runs, log }): Promise<MeasurementResult> => {
  const options = { latencyMs: LATENCY_MS, rateLimits: false };
  const emulators: Partial<Record<BenchProvider, EmulatorProcess>> = {};
  try {
    const started = await Promise.all(KINDS.map((kind) => startEmulatorProcess(kind, options)));
    KINDS.forEach((kind, i) => {
      emulators[kind] = started[i]!;
    });
    // Each adapter pointed at its emulator as the testkit's map says, built by its own factory.
    const registrars: Registrar[] = KINDS.map((kind) => {
      const emulator = emulators[kind]!;
      const create = PROVIDERS[kind].create as (options: Record<string, unknown>) => Registrar;
      return create({
        rateLimit: false,
        ...PROVIDER_EMULATORS[kind].adapterOptions(emulator),
        ...OVERRIDES[kind]?.(emulator),
      });
    });

    const compareAll = async () => {
      const emulatorCpu = await totalEmulatorCpu();
      const cpu = process.cpuUsage();
      const started = performance.now();
      let quotes = 0;
      let failures = 0;
      const quotesBy: Record<string, number> = {};
      /** `provider: ErrorName` → count, and the first message of each. */
      const failureKinds: Record<string, number> = {};
      const failureMessages: Record<string, string> = {};
      await pool(NAMES.length, NAME_CONCURRENCY, async (i) => {
        const result = await comparePrices(registrars, NAMES[i]!, { operation: 'register' });
        quotes += result.quotes.length;
        for (const q of result.quotes) quotesBy[q.provider] = (quotesBy[q.provider] ?? 0) + 1;
        failures += result.failures.length;
        for (const f of result.failures) {
          const kind = `${f.provider}: ${f.error.name}`;
          failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
          failureMessages[kind] ??= f.error.message;
        }
      });
      const ms = since(started);
      const used = process.cpuUsage(cpu);
      return {
        ms,
        quotes,
        quotesBy,
        failures,
        failureKinds,
        failureMessages,
        clientCpuMs: (used.user + used.system) / 1000,
        emulatorCpuMs: (await totalEmulatorCpu()) - emulatorCpu,
      };
    };
    const totalEmulatorCpu = async () => {
      let total = 0;
      for (const emu of Object.values(emulators)) total += (await emu.stats()).cpuMs;
      return total;
    };
    const aloneCpu: Record<string, number> = {};
    const alone = async (registrar: Registrar) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await pool(NAMES.length, NAME_CONCURRENCY, (i) =>
        registrar.getPrice(NAMES[i]!, { operation: 'register' }).catch(() => null),
      );
      const ms = since(started);
      const used = process.cpuUsage(cpu);
      aloneCpu[registrar.provider] = (used.user + used.system) / 1000;
      return ms;
    };

    // Warm-up: connections and JIT on every side; also shows what each provider answers.
    const warm = await compareAll();
    for (const registrar of registrars) await alone(registrar);
    // The warm-up made 2 × NAMES.length `getPrice` calls per provider (comparePrices, then alone).
    const warmCalls = 2 * NAMES.length;
    const requests: Record<string, number> = {};
    for (const [name, emu] of Object.entries(emulators)) requests[name] = (await emu.stats(true)).requests;
    const perQuote = (provider: string) => requests[provider]! / warmCalls;

    const ratios: number[] = [];
    const compareMs: number[] = [];
    const slowestMs: number[] = [];
    const slowestName: string[] = [];
    const sumMs: number[] = [];
    const clientCpu: number[] = [];
    const emulatorCpu: number[] = [];
    const slowestCpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const aloneFirst = run % 2 === 1;
      const times: Record<string, number> = {};
      if (aloneFirst) for (const r of registrars) times[r.provider] = await alone(r);
      const together = await compareAll();
      if (!aloneFirst) for (const r of registrars) times[r.provider] = await alone(r);
      const [name, slowest] = Object.entries(times).sort((a, b) => b[1] - a[1])[0]!;
      ratios.push(together.ms / slowest);
      compareMs.push(together.ms);
      slowestMs.push(slowest);
      slowestName.push(name);
      sumMs.push(Object.values(times).reduce((a, b) => a + b, 0));
      clientCpu.push(together.clientCpuMs);
      emulatorCpu.push(together.emulatorCpuMs);
      slowestCpu.push(aloneCpu[name]!);
      log(
        `  run ${run + 1}: comparePrices ${together.ms.toFixed(0)} ms (${together.quotes} quotes, ${together.failures} failures); alone ${Object.entries(
          times,
        )
          .map(([p, ms]) => `${p} ${ms.toFixed(0)}`)
          .join(', ')} ms; ratio ${(together.ms / slowest).toFixed(3)}`,
      );
    }
    const count = KINDS.length;
    const waves = Math.ceil(NAMES.length / NAME_CONCURRENCY);
    const slowestNames = [...new Set(slowestName)];
    const requestsPerName = Object.keys(requests).reduce((sum, p) => sum + perQuote(p), 0);
    const failureKinds = Object.entries(warm.failureKinds);
    const quotedAll = KINDS.filter((p) => warm.quotesBy[p] === NAMES.length)
      .map(label)
      .join(', ');
    const several = KINDS.filter((p) => perQuote(p) > 1)
      .map((p) => `${label(p)} (${perQuote(p)}): ${SEVERAL_REQUESTS[p] ?? 'see its adapter'}`)
      .join('; ');
    // The slowest provider's sequential round trips per name, for every wave of names.
    const mostPerQuote = Math.max(...KINDS.map(perQuote));
    const floor = waves * mostPerQuote * LATENCY_MS;
    const severalNote = several
      ? ` ${several}: sequential round trips, so each name costs them that many times the ${LATENCY_MS} ms latency, alone or in comparePrices.`
      : '';
    const notes = [
      `Per run: ${warm.quotes} quotes and ${warm.failures} failures over ${NAMES.length} names × ${count} providers (warm-up run)${
        failureKinds.length
          ? `; the failures: ${failureKinds.map(([kind, n]) => `${kind} × ${n} ("${warm.failureMessages[kind]}")`).join('; ')}`
          : ''
      }. ${quotedAll} quote \`register\` for every one of these \`.com\` names: each emulator's seed prices \`.com\` and holds none of them, and Cloudflare runs against the production Registrar paths (its sandbox, \`sandbox: true\`, would also quote them: it sells \`com\` and \`net\` only). Domainr runs in its Fastly mode (\`api: 'fastly'\`), where \`getPrice\` asks Fastly's status endpoint for an aftermarket offer: these names have none, so Domainr makes its request and lands in \`failures\`, one per name; in v2 mode it would fail locally as unsupported without a request.`,
      `Medians: comparePrices ${median(compareMs).toFixed(0)} ms, slowest provider alone ${median(slowestMs).toFixed(0)} ms (${slowestNames.join(' / ')}), the ${count} alone one after the other ${median(sumMs).toFixed(0)} ms; the latency floor is ${waves} waves × ${mostPerQuote} sequential request${mostPerQuote === 1 ? '' : 's'} × ${LATENCY_MS} ms = ${floor} ms. Requests each emulator received in the warm-up (${NAMES.length} names through comparePrices + ${NAMES.length} alone = ${warmCalls} \`getPrice\` calls each): ${counted(
        requests,
      )}, i.e. ${Object.keys(requests)
        .map((p) => `${p} ${perQuote(p)}`)
        .join(', ')} per \`getPrice\`.${severalNote}`,
      `Where the extra time goes (medians): during comparePrices this process used ${median(clientCpu).toFixed(0)} ms of CPU (the slowest provider alone: ${median(slowestCpu).toFixed(0)} ms) and the ${count} emulator processes ${median(emulatorCpu).toFixed(0)} ms together, all within ${median(compareMs).toFixed(0)} ms of wall time on ${cpus().length} cores shared with other work: comparePrices sends ${requestsPerName} requests per name where the slowest provider alone sends ${slowestNames.map((p) => `${perQuote(p)} (${p})`).join(' / ')}, and that client and server CPU no longer hides under the ${LATENCY_MS} ms latency; each name also waits for the slowest of ${count} answers instead of one.`,
    ];
    const names = KINDS.map(label).join(', ');
    const unemulated = UNEMULATED.length
      ? `, except ${UNEMULATED.map(label).join(', ')}, which the testkit does not emulate`
      : '';
    return {
      id: 'compare-prices',
      title: `comparePrices across every provider (${count})`,
      setup:
        `${count} emulators, one per provider (${names}: every adapter registrar-kit ships${unemulated}), each in its own process with ${LATENCY_MS} ms added latency and rate limits off; adapters with \`rateLimit: false\` (the fan-out is measured, not the limiters). ` +
        `${NAMES.length} names, ${NAME_CONCURRENCY} at a time: \`comparePrices([${count} registrars], name, { operation: 'register' })\` per name vs each registrar's \`getPrice\` alone over the same names at the same concurrency. Figure: comparePrices wall time / the slowest single provider's wall time (the order of the two sides alternates between runs).`,
      figures: [
        {
          label: 'comparePrices wall / slowest provider alone',
          unit: '×',
          values: ratios,
          target: { op: '<=', value: 1.2 },
          digits: 3,
        },
        { label: 'comparePrices wall (ms)', unit: 'ms', values: compareMs, digits: 0 },
        { label: 'slowest provider alone (ms)', unit: 'ms', values: slowestMs, digits: 0 },
      ],
      notes,
    };
  } finally {
    await Promise.all(Object.values(emulators).map((e) => e.close()));
  }
};
