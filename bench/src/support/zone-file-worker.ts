/**
 * Child process of the zone-file measurement: reads one zone file, parses it with `parseZoneFile`
 * and prints the records with `printZoneFile`, then reports on stdout (one JSON line) the times,
 * the record count and its peak resident memory above what it had before reading the file.
 * Usage: zone-file-worker.ts <file> <origin>
 */
import { readFileSync } from 'node:fs';
import { parseZoneFile, printZoneFile } from '@registrar-kit/core';

export interface ZoneFileWorkerReport {
  records: number;
  skipped: number;
  parseMs: number;
  /** CPU time of the parse (user + system, all threads of the process, GC included). */
  parseCpuMs: number;
  printMs: number;
  printedBytes: number;
  /** Resident memory before reading the file (Node, tsx and core loaded). */
  baselineRssMb: number;
  /** Peak resident memory of the process. */
  peakRssMb: number;
}

const [file, origin] = process.argv.slice(2) as [string, string];
const MB = 1024 * 1024;
const baseline = process.memoryUsage().rss;
const bytes = readFileSync(file);
let t = performance.now();
const cpu = process.cpuUsage();
const parsed = parseZoneFile(bytes, { origin });
const parseMs = performance.now() - t;
const parseCpu = process.cpuUsage(cpu);
t = performance.now();
const printed = printZoneFile(parsed.records, { origin });
const printMs = performance.now() - t;
const report: ZoneFileWorkerReport = {
  records: parsed.records.length,
  skipped: parsed.skipped.length,
  parseMs,
  parseCpuMs: (parseCpu.user + parseCpu.system) / 1000,
  printMs,
  printedBytes: Buffer.byteLength(printed),
  baselineRssMb: baseline / MB,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
};
console.log(JSON.stringify(report));
