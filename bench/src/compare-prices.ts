/**
 * 4. `comparePrices` across the four providers × 50 names with 50 ms emulator latency: wall time /
 * the slowest provider alone on the same names.
 */

import { cpus } from 'node:os';
import { createDnsimple } from '@registrar-kit/adapter-dnsimple';
import { createDomainr } from '@registrar-kit/adapter-domainr';
import { createGlauca } from '@registrar-kit/adapter-glauca';
import { createPocketDns } from '@registrar-kit/adapter-pocketdns';
import { comparePrices, type Registrar } from '@registrar-kit/core';
import { PROVIDER_EMULATORS } from '@registrar-kit/testkit/emulators';
import type { Measurement, MeasurementResult } from './measurement.js';
import { median, pool, since } from './stats.js';
import { type EmulatorProcess, startEmulatorProcess } from './support/emulator-process.js';
import type { EmulatorKind } from './support/emulator-protocol.js';

const KINDS = ['pocketdns', 'dnsimple', 'glauca', 'domainr'] as const satisfies readonly EmulatorKind[];
const FACTORIES = {
  pocketdns: createPocketDns,
  dnsimple: createDnsimple,
  glauca: createGlauca,
  domainr: createDomainr,
} as unknown as Record<EmulatorKind, (options: Record<string, unknown>) => Registrar>;

const NAMES = Array.from({ length: 50 }, (_, i) => `bench-compare-${i + 1}.com`);
const LATENCY_MS = 50;
/** Names priced at once (a batch of candidate names, as a name-search page would ask). */
const NAME_CONCURRENCY = 5;

export const comparePricesBench: Measurement = async ({ runs, log }): Promise<MeasurementResult> => {
  const options = { latencyMs: LATENCY_MS, rateLimits: false };
  const emulators: Record<string, EmulatorProcess> = {};
  try {
    const started = await Promise.all(KINDS.map((kind) => startEmulatorProcess(kind, options)));
    KINDS.forEach((kind, i) => {
      emulators[kind] = started[i]!;
    });
    const common = { rateLimit: false as const };
    // Each adapter pointed at its emulator as the testkit's map says; Domainr through its Fastly API.
    const overrides: Partial<Record<EmulatorKind, Record<string, unknown>>> = {
      domainr: {
        api: 'fastly',
        clientId: undefined,
        fastlyToken: emulators.domainr!.seedInfo.credentials.fastlyToken,
      },
    };
    const registrars: Registrar[] = KINDS.map((kind) =>
      FACTORIES[kind]({
        ...common,
        ...PROVIDER_EMULATORS[kind].adapterOptions(emulators[kind]!),
        ...overrides[kind],
      }),
    );

    const compareAll = async () => {
      const emulatorCpu = await totalEmulatorCpu();
      const cpu = process.cpuUsage();
      const started = performance.now();
      let quotes = 0;
      let failures = 0;
      const failureKinds = new Set<string>();
      await pool(NAMES.length, NAME_CONCURRENCY, async (i) => {
        const result = await comparePrices(registrars, NAMES[i]!, { operation: 'register' });
        quotes += result.quotes.length;
        failures += result.failures.length;
        for (const f of result.failures) failureKinds.add(`${f.provider}: ${f.error.name}`);
      });
      const ms = since(started);
      const used = process.cpuUsage(cpu);
      return {
        ms,
        quotes,
        failures,
        failureKinds: [...failureKinds],
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
    const requestsPerName: Record<string, number> = {};
    for (const [name, emu] of Object.entries(emulators)) {
      const before = (await emu.stats(true)).requests;
      requestsPerName[name] = before;
    }

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
    const floor = Math.ceil(NAMES.length / NAME_CONCURRENCY) * LATENCY_MS;
    const notes = [
      `Per run: ${warm.quotes} quotes and ${warm.failures} failures over ${NAMES.length} names (warm-up run). Domainr runs in its Fastly mode (\`api: 'fastly'\`), where \`getPrice\` asks Fastly's status endpoint for an aftermarket offer: these names have none, so Domainr makes its request and lands in \`failures\` (${warm.failureKinds.join(', ') || 'none'}), one per name; in v2 mode it would fail locally as unsupported without a request.`,
      `Medians: comparePrices ${median(compareMs).toFixed(0)} ms, slowest provider alone ${median(slowestMs).toFixed(0)} ms (${[...new Set(slowestName)].join(' / ')}), the four alone one after the other ${median(sumMs).toFixed(0)} ms; the latency floor is ${Math.ceil(NAMES.length / NAME_CONCURRENCY)} waves × ${LATENCY_MS} ms = ${floor} ms. Requests each emulator received in the warm-up (50 names through comparePrices + 50 alone, so one request per \`getPrice\`): ${Object.entries(
        requestsPerName,
      )
        .map(([p, n]) => `${p} ${n}`)
        .join(', ')}.`,
      `Where the extra time goes (medians): during comparePrices this process used ${median(clientCpu).toFixed(0)} ms of CPU (the slowest provider alone: ${median(slowestCpu).toFixed(0)} ms) and the four emulator processes ${median(emulatorCpu).toFixed(0)} ms together, all within ${median(compareMs).toFixed(0)} ms of wall time on ${cpus().length} cores shared with other work: four times the requests means four times the client and server CPU per name, which no longer hides under the ${LATENCY_MS} ms latency; each name also waits for the slowest of four answers instead of one.`,
    ];
    return {
      id: 'compare-prices',
      title: 'comparePrices across four providers',
      setup:
        `Four emulators (PocketDNS, DNSimple, Glauca, Domainr), each in its own process with ${LATENCY_MS} ms added latency and rate limits off; adapters with \`rateLimit: false\` (the fan-out is measured, not the limiters). ` +
        `${NAMES.length} names, ${NAME_CONCURRENCY} at a time: \`comparePrices([four registrars], name, { operation: 'register' })\` per name vs each registrar's \`getPrice\` alone over the same names at the same concurrency. Figure: comparePrices wall time / the slowest single provider's wall time (the order of the two sides alternates between runs).`,
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
