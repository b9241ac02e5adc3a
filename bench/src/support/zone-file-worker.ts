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
  /** Peak resident memory of the process when the parse had returned (before the print). */
  parsePeakRssMb: number;
  /** Peak resident memory of the process (parse and print). */
  peakRssMb: number;
}

const [file, origin] = process.argv.slice(2) as [string, string];
const MB = 1024 * 1024;
const baseline = process.memoryUsage().rss;
let t = performance.now();
const cpu = process.cpuUsage();
// The file's bytes go straight to the parser (no variable keeps them), as a caller that reads a
// file to parse it would; the parser keeps them until its byte string is made.
const parsed = parseZoneFile(readFileSync(file), { origin });
const parseMs = performance.now() - t;
const parseCpu = process.cpuUsage(cpu);
const parsePeakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
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
  parsePeakRssMb,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
};
console.log(JSON.stringify(report));
