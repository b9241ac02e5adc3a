/**
 * Tables fit the terminal: the width comes from `COLUMNS`, else the TTY's columns, else 80; when
 * the natural widths are wider, the widest columns give up space first and their cells wrap
 * (`--json` keeps every value whole).
 */
import type { IO } from './io.js';

const DEFAULT_WIDTH = 80;
/** A column keeps at least this many characters of content (plus its padding). */
const MIN_CONTENT = 6;
const PADDING = 2;

/** The width tables must fit in. */
export function terminalWidth(io: IO): number {
  const fromEnv = Number.parseInt(io.env.COLUMNS ?? '', 10);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const columns = (io.stdout as { columns?: number }).columns;
  return typeof columns === 'number' && columns > 0 ? columns : DEFAULT_WIDTH;
}

// ANSI colour sequences take no room on screen.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Characters a cell's longest line takes on screen. */
export function visibleWidth(cell: string): number {
  return Math.max(0, ...cell.split('\n').map((line) => [...line.replace(ANSI, '')].length));
}

/**
 * Column widths (padding included, as cli-table3's `colWidths`) for `rows` (head included) to fit
 * `width` with one border character between and around columns; null when they already fit.
 */
export function fitColumns(rows: readonly (readonly string[])[], width: number): number[] | null {
  const count = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from(
    { length: count },
    (_, column) => Math.max(1, ...rows.map((row) => visibleWidth(row[column] ?? ''))) + PADDING,
  );
  const budget = width - (count + 1);
  let total = widths.reduce((sum, w) => sum + w, 0);
  if (total <= budget) return null;
  const floor = MIN_CONTENT + PADDING;
  while (total > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] as number) <= floor) break;
    widths[widest] = (widths[widest] as number) - 1;
    total -= 1;
  }
  return widths;
}
