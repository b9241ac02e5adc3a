/**
 * How `dns diff`, `dns apply` and `dns copy` show a record plan and an apply report: `+` creates,
 * `~` updates, `-` deletes (green, yellow, red on a terminal), one summary line, and the JSON
 * shapes of the report (each failure's error as `{ name, code, message, status }`, redacted).
 */
import {
  type ApplyFailure,
  type ApplyReport,
  type DnsRecord,
  type DnsRecordInput,
  formatPlan,
  type PlanSummary,
  type RecordPlan,
} from '@registrar-kit/core';
import { describeError } from './errors.js';
import type { Renderer } from './render.js';

/** `www A 192.0.2.1`, `@ MX 10 mx.example.net`, `@ TXT "v=spf1 -all"`. */
export function describeRecord(record: DnsRecord | DnsRecordInput): string {
  const priority = record.priority !== undefined && record.priority !== null ? `${record.priority} ` : '';
  const content = record.type === 'TXT' ? JSON.stringify(record.content) : record.content;
  return `${record.name} ${record.type} ${priority}${content}`;
}

/** The plan's lines, coloured by their mark. */
export function renderPlan(out: Renderer, plan: RecordPlan): void {
  const { green, yellow, red } = out.colors;
  for (const line of formatPlan(plan)) {
    const paint = line.startsWith('+') ? green : line.startsWith('~') ? yellow : red;
    out.line(paint(line));
  }
}

const count = (n: number, what: string) => `${n} to ${what}`;

/** `example.com at pocketdns: 2 to create, 1 to update, 0 to delete` or `… no changes`. */
export function planSummaryLine(summary: PlanSummary, where: string): string {
  if (summary.total === 0) return `${where}: no changes`;
  return `${where}: ${count(summary.creates, 'create')}, ${count(summary.updates, 'update')}, ${count(summary.deletes, 'delete')}`;
}

export interface FailureJson {
  change: ApplyFailure['change'];
  input?: DnsRecordInput;
  record?: DnsRecord;
  error: { name: string; code: string; message: string; status: number | null };
}

export interface ReportJson {
  created: DnsRecord[];
  updated: DnsRecord[];
  deleted: DnsRecord[];
  failures: FailureJson[];
}

export const EMPTY_REPORT: ApplyReport = { created: [], updated: [], deleted: [], failures: [] };

export function reportJson(report: ApplyReport, env: NodeJS.ProcessEnv): ReportJson {
  return {
    created: report.created,
    updated: report.updated,
    deleted: report.deleted,
    failures: report.failures.map((failure) => {
      const { name, code, message } = describeError(failure.error, env);
      return {
        change: failure.change,
        ...(failure.input ? { input: failure.input } : {}),
        ...(failure.record ? { record: failure.record } : {}),
        error: { name, code, message, status: failure.error.status ?? null },
      };
    }),
  };
}

/** One line per change done or failed, then the summary line. */
export function renderReport(
  out: Renderer,
  report: ApplyReport,
  where: string,
  env: NodeJS.ProcessEnv,
): void {
  const { green, yellow, red } = out.colors;
  for (const record of report.created) out.line(green(`created  + ${describeRecord(record)}`));
  for (const record of report.updated) out.line(yellow(`updated  ~ ${describeRecord(record)}`));
  for (const record of report.deleted) out.line(red(`deleted  - ${describeRecord(record)}`));
  for (const failure of report.failures) {
    const mark = failure.change === 'create' ? '+' : failure.change === 'update' ? '~' : '-';
    const target = failure.change === 'delete' ? failure.record : (failure.input ?? failure.record);
    const { name, message } = describeError(failure.error, env);
    out.line(red(`failed   ${mark} ${target ? describeRecord(target) : '?'}: ${name}: ${message}`));
  }
  out.line(reportSummaryLine(report, where));
}

export function reportSummaryLine(report: ApplyReport, where: string): string {
  const parts = [
    `${report.created.length} created`,
    `${report.updated.length} updated`,
    `${report.deleted.length} deleted`,
    `${report.failures.length} failed`,
  ];
  return `${where}: ${parts.join(', ')}`;
}
