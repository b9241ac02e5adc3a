/** What every measurement returns: figures (one value per repeated run) with their targets, and notes. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  label: string;
  /** Unit shown after the numbers: '×' for ratios, 'ms', 'MB', 'KB', '' for counts. */
  unit: string;
  /** One value per repeated run (the median is the figure). */
  values: number[];
  /** The target from issue 11; absent for a figure that is reported for context. */
  target?: Target;
  /** Decimal places (default 2). */
  digits?: number;
  /** Also list this target-less figure in the summary table. */
  summary?: boolean;
  /** Why the figure was not measured on this machine (it is then neither met nor missed). */
  skipped?: string;
}

export interface MeasurementResult {
  id: string;
  /** The measurement's number in issue 11 (set by run-all). */
  number?: number;
  title: string;
  /** What was measured and how (one paragraph). */
  setup: string;
  figures: Figure[];
  /** Measured explanations: where the time or memory goes, which target is missed and why. */
  notes: string[];
}

export interface MeasurementContext {
  /** Repetitions of the whole measurement (the spread is over these). */
  runs: number;
  log: (line: string) => void;
}

export type Measurement = (context: MeasurementContext) => Promise<MeasurementResult>;

export function meets(value: number, target: Target): boolean {
  return target.op === '>=' ? value >= target.value : value <= target.value;
}

export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toFixed(digits);
}

export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '—';
  return `${target.op === '>=' ? '≥' : '≤'} ${target.value}${unit === '×' ? '×' : unit ? ` ${unit}` : ''}`;
}
