/**
 * Everything the CLI prints: tables (cli-table3), colours (picocolors, only when stdout is a TTY
 * and NO_COLOR is unset), JSON (stable shapes, `raw` only with --raw) and error lines.
 */

import { createRequire } from 'node:module';
import { redactValue } from '@registrar-kit/core';
import type TableConstructor from 'cli-table3';
import pc from 'picocolors';
import { credentialValues, type DescribedError } from './errors.js';
import { fitColumns, terminalWidth } from './fit-columns.js';
import type { IO, OutputStream } from './io.js';

export type Colors = ReturnType<typeof pc.createColors>;

let tableModule: typeof TableConstructor | undefined;
/** cli-table3 (CommonJS), loaded by the first table rather than at start (`--help` stays quick). */
function Table(): typeof TableConstructor {
  tableModule ??= createRequire(import.meta.url)('cli-table3') as typeof TableConstructor;
  return tableModule;
}

export type { InputStream, IO, OutputStream } from './io.js';

export interface RenderOptions {
  json: boolean;
  raw: boolean;
  /** false with --no-color. */
  color: boolean;
}

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  head: string[];
  rows: string[][];
  align?: Align[];
}

export class Renderer {
  readonly colors: Colors;

  constructor(
    readonly io: IO,
    readonly options: RenderOptions,
  ) {
    this.colors = pc.createColors(colorEnabled(io.stdout, io.env, options.color));
  }

  get json(): boolean {
    return this.options.json;
  }

  /** A line on stdout. */
  line(text = ''): void {
    this.io.stdout.write(`${text}\n`);
  }

  heading(text: string): void {
    this.line();
    this.line(this.colors.bold(this.colors.cyan(`== ${text}`)));
  }

  /** A dimmed remark on stdout (human mode only). */
  note(text: string): void {
    this.line(this.colors.dim(text));
  }

  /** A table as wide as its content, up to the terminal's width (long cells wrap). */
  table(spec: TableSpec): void {
    const widths = fitColumns([spec.head, ...spec.rows], terminalWidth(this.io));
    const table = new (Table())({
      head: spec.head.map((cell) => this.colors.bold(cell)),
      style: { head: [], border: [], compact: true },
      ...(spec.align ? { colAligns: spec.align } : {}),
      ...(widths ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : {}),
    });
    for (const row of spec.rows) table.push(row);
    this.line(table.toString());
  }

  /** The command's JSON document on stdout. */
  printJson(value: unknown): void {
    this.io.stdout.write(`${toJson(value, this.options.raw, credentialValues(this.io.env))}\n`);
  }

  /** An error: one line and a hint on stderr (as `{ error }` JSON with --json). */
  error(described: DescribedError, stack?: string): void {
    if (this.options.json) {
      const { exitCode: _exitCode, ...error } = described;
      this.io.stderr.write(`${JSON.stringify({ error })}\n`);
    } else {
      const errColors = pc.createColors(colorEnabled(this.io.stderr, this.io.env, this.options.color));
      this.io.stderr.write(`${errColors.red('error:')} ${described.message}\n`);
      if (described.hint) this.io.stderr.write(`${errColors.dim('hint:')} ${described.hint}\n`);
    }
    if (stack) this.io.stderr.write(`${stack}\n`);
  }

  /** Cell helpers. */
  yesNo(value: boolean | null | undefined): string {
    if (value === null || value === undefined) return this.colors.dim('-');
    return value ? this.colors.green('yes') : this.colors.dim('no');
  }
}

export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv, allowed = true): boolean {
  if (!allowed) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/**
 * Stable JSON: dates as ISO strings (Date#toJSON), `undefined` left out, and every `raw` field
 * (the provider's payload) removed unless `raw` is true.
 */
export function toJson(value: unknown, raw: boolean, secrets: readonly string[] = []): string {
  return JSON.stringify(
    value,
    // A provider may echo a credential in its payload, as a value or a key: redacted from both.
    (key, item) => (key === 'raw' ? (raw ? redactValue(item, secrets) : undefined) : item),
    2,
  );
}

/** `2030-01-15` from a date (tables show days; JSON keeps the full ISO timestamp). */
export function day(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '-';
}
