/**
 * `pnpm bench`: runs every measurement in sequence (each repeated; the spread is over the runs),
 * prints each figure as it finishes and writes bench/RESULTS.md. `--only overhead,listing` runs a
 * subset (RESULTS.md then says it is partial).
 */
import { fileURLToPath } from 'node:url';
import { coldStart } from './cold-start.js';
import { comparePricesBench } from './compare-prices.js';
import { listing } from './listing.js';
import { machineInfo } from './machine.js';
import type { Measurement, MeasurementResult } from './measurement.js';
import { memory } from './memory.js';
import { overhead } from './overhead.js';
import { rateLimitUse } from './rate-limit-use.js';
import { consoleLine, writeResults } from './results-writer.js';
import { zoneFile } from './zone-file.js';

const MEASUREMENTS: { name: string; runs: number; measure: Measurement }[] = [
  { name: 'overhead', runs: 5, measure: overhead },
  { name: 'listing', runs: 3, measure: listing },
  { name: 'rate-limit-use', runs: 3, measure: rateLimitUse },
  { name: 'compare-prices', runs: 5, measure: comparePricesBench },
  { name: 'memory', runs: 3, measure: memory },
  { name: 'cold-start', runs: 1, measure: coldStart },
  { name: 'zone-file', runs: 3, measure: zoneFile },
];

function parseOnly(argv: string[]): string[] | undefined {
  const index = argv.indexOf('--only');
  if (index < 0) return undefined;
  const value = argv[index + 1];
  if (!value) throw new Error(`--only needs a name: ${MEASUREMENTS.map((m) => m.name).join(', ')}`);
  const names = value.split(',');
  const unknown = names.filter((n) => !MEASUREMENTS.some((m) => m.name === n));
  if (unknown.length > 0)
    throw new Error(
      `unknown measurement ${unknown.join(', ')}; choose from ${MEASUREMENTS.map((m) => m.name).join(', ')}`,
    );
  return names;
}

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2));
  const machine = machineInfo();
  console.log(
    `registrar-kit bench: ${machine.cpu} × ${machine.cores}, Node ${machine.node}, load ${machine.loadAverage.join(' / ')}`,
  );
  const started = performance.now();
  const results: MeasurementResult[] = [];
  for (const [index, { name, runs, measure }] of MEASUREMENTS.entries()) {
    if (only && !only.includes(name)) continue;
    const t = performance.now();
    console.log(`\n▶ ${name} (${runs} run${runs === 1 ? '' : 's'})`);
    const result = await measure({ runs, log: (line) => console.log(line) });
    results.push({ ...result, number: index + 1 });
    console.log(`✔ ${result.title} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    for (const figure of result.figures) console.log(consoleLine(figure));
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const path = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
  writeResults(path, results, { machine, totalSeconds, only });
  console.log(`\nWrote ${path} (${totalSeconds.toFixed(0)} s)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
