import { ValidationError } from '../errors/error-classes.js';
import type { ValidationIssue } from '../errors/registrar-error.js';
import type { DnsRecord, DnsRecordInput, DnsRecordPatch, RecordType } from '../model/dns-record.js';
import { type RecordRules, validateRecordInput } from '../validation/record-input.js';
import { canonicalCurrentContent, currentName, plainTxt, TYPES_WITH_PRIORITY } from './record-content.js';

export interface PlanRecordsOptions {
  /**
   * Also delete every current record whose (name, type) set the desired records do not name.
   * Default false: such sets are left alone (incremental).
   */
  purge?: boolean;
  /** The zone (to accept absolute names and `@` targets); default the current records' `domain`. */
  zone?: string;
  /** TTL for desired records that give none. Without it, their TTL is not compared. */
  defaultTtl?: number;
  /** The provider's record rules, checked against every desired record. */
  rules?: RecordRules;
}

/** One current record changed in place. `desired` is the canonical record it becomes. */
export interface RecordUpdate {
  record: DnsRecord;
  patch: DnsRecordPatch;
  desired: DnsRecordInput;
}

/**
 * The changes that make a zone match the desired records. Plain data: it can be shown, stored as
 * JSON and applied later with `applyPlan`. `currentCount` is the size of the zone it was planned
 * against (the safety threshold of `applyPlan` uses it).
 */
export interface RecordPlan {
  creates: DnsRecordInput[];
  updates: RecordUpdate[];
  deletes: DnsRecord[];
  currentCount?: number;
}

export interface PlanSummary {
  creates: number;
  updates: number;
  deletes: number;
  /** Every change in the plan. */
  total: number;
}

interface DesiredEntry {
  input: DnsRecordInput;
  key: string;
  ttl: number | undefined;
  priority: number | null;
}

interface CurrentEntry {
  record: DnsRecord;
  key: string;
  priority: number | null;
}

const setKey = (name: string, type: RecordType) => `${name}\u0000${type}`;

/**
 * Plans the changes that make `current` (what the provider lists) hold `desired`, comparing on
 * the normalized model: relative lower-case names with `@`, canonical content (IPv6 forms, host
 * case and trailing dots, TXT as one joined value), TTL and, for MX and SRV, priority.
 *
 * Semantics (as libdns `SetRecords`): records are grouped in (name, type) sets. A set named by a
 * desired record is made exactly equal to the desired records of that set: matching records stay
 * (a TTL change is an update), the rest of the desired records update the rest of the current
 * ones pairwise (sorted by priority then content) and the remainder is created or deleted. A set
 * the desired records do not name is left alone unless `purge`, which deletes it, or unless it
 * clashes with a desired CNAME (a CNAME cannot share its name with other records, RFC 1034 §3.6.2).
 *
 * Invalid desired records throw one `ValidationError` listing every issue (`desired.N.field`).
 */
export function planRecords(
  current: readonly DnsRecord[],
  desired: readonly DnsRecordInput[],
  options: PlanRecordsOptions = {},
): RecordPlan {
  const zone = options.zone ?? options.rules?.zone ?? current[0]?.domain;
  const rules: RecordRules = { ...options.rules, ...(zone ? { zone } : {}) };

  const issues: ValidationIssue[] = [];
  const desiredSets = new Map<string, DesiredEntry[]>();
  desired.forEach((input, index) => {
    let canonical: DnsRecordInput;
    try {
      canonical = validateRecordInput(input, rules);
    } catch (error) {
      const found = error instanceof ValidationError ? error.issues : [{ path: '', message: String(error) }];
      for (const issue of found)
        issues.push({
          path: issue.path ? `desired.${index}.${issue.path}` : `desired.${index}`,
          message: issue.message,
        });
      return;
    }
    const asked = canonical.ttl ?? options.defaultTtl;
    // A TTL the provider stores raised is planned as it will be stored.
    const ttl =
      asked !== undefined && rules.minStoredTtl !== undefined ? Math.max(asked, rules.minStoredTtl) : asked;
    const priority = TYPES_WITH_PRIORITY.has(canonical.type) ? (canonical.priority ?? null) : null;
    const content = canonical.type === 'TXT' ? plainTxt(canonical.content) : canonical.content;
    const entry: DesiredEntry = {
      input: {
        type: canonical.type,
        name: canonical.name,
        content,
        ...(ttl !== undefined ? { ttl } : {}),
        ...(priority !== null ? { priority } : {}),
      },
      key: content,
      ttl,
      priority,
    };
    const key = setKey(canonical.name, canonical.type);
    const set = desiredSets.get(key) ?? [];
    // The same record twice is one record (an RRset holds each record once); the first wins.
    if (!set.some((other) => other.key === entry.key && other.priority === entry.priority)) set.push(entry);
    desiredSets.set(key, set);
  });
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new ValidationError(`Invalid desired records: ${summary}`, { operation: 'planRecords', issues });
  }

  const currentSets = new Map<string, CurrentEntry[]>();
  for (const record of current) {
    const key = setKey(currentName(record), record.type);
    const set = currentSets.get(key) ?? [];
    set.push({
      record,
      key: canonicalCurrentContent(record.type, record.content, zone),
      priority: TYPES_WITH_PRIORITY.has(record.type) ? record.priority : null,
    });
    currentSets.set(key, set);
  }

  const plan: RecordPlan = { creates: [], updates: [], deletes: [], currentCount: current.length };
  for (const [key, wanted] of desiredSets) {
    const have = [...(currentSets.get(key) ?? [])];
    const unmatched: DesiredEntry[] = [];
    for (const entry of wanted) {
      const at = have.findIndex((other) => other.key === entry.key && other.priority === entry.priority);
      if (at === -1) {
        unmatched.push(entry);
        continue;
      }
      const [match] = have.splice(at, 1) as [CurrentEntry];
      if (entry.ttl !== undefined && entry.ttl !== match.record.ttl)
        plan.updates.push({ record: match.record, patch: { ttl: entry.ttl }, desired: entry.input });
    }
    const leftovers = [...have].sort(byPriorityThenContent);
    const toPlace = [...unmatched].sort(byPriorityThenContent);
    toPlace.forEach((entry, index) => {
      const target = leftovers[index];
      if (!target) {
        plan.creates.push(entry.input);
        return;
      }
      plan.updates.push({ record: target.record, patch: patchFor(target, entry), desired: entry.input });
    });
    for (const extra of leftovers.slice(toPlace.length)) plan.deletes.push(extra.record);
  }
  // A CNAME cannot share its name (RFC 1034 §3.6.2): a set that clashes with a desired one goes too.
  const desiredTypes = new Map<string, Set<RecordType>>();
  for (const [, [first]] of desiredSets) {
    const { name, type } = (first as DesiredEntry).input;
    desiredTypes.set(name, (desiredTypes.get(name) ?? new Set()).add(type));
  }
  for (const [key, have] of currentSets) {
    if (desiredSets.has(key)) continue;
    const { record: sample } = have[0] as CurrentEntry;
    const types = desiredTypes.get(currentName(sample));
    const clash = types !== undefined && (sample.type === 'CNAME' || types.has('CNAME'));
    if (options.purge || clash) for (const entry of have) plan.deletes.push(entry.record);
  }
  return plan;
}

function byPriorityThenContent(a: { priority: number | null; key: string }, b: typeof a): number {
  return (a.priority ?? 0) - (b.priority ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function patchFor(current: CurrentEntry, desired: DesiredEntry): DnsRecordPatch {
  const patch: DnsRecordPatch = {};
  if (current.key !== desired.key) patch.content = desired.input.content;
  if (desired.priority !== current.priority) patch.priority = desired.priority;
  if (desired.ttl !== undefined && desired.ttl !== current.record.ttl) patch.ttl = desired.ttl;
  return patch;
}

/** Counts of each kind of change, for display. */
export function summarizePlan(plan: RecordPlan): PlanSummary {
  const creates = plan.creates.length;
  const updates = plan.updates.length;
  const deletes = plan.deletes.length;
  return { creates, updates, deletes, total: creates + updates + deletes };
}

/** True when the plan changes nothing. */
export function isEmptyPlan(plan: RecordPlan): boolean {
  return summarizePlan(plan).total === 0;
}

/**
 * The plan as lines for a terminal or a review: `+ www A 192.0.2.1 ttl=300`,
 * `~ @ MX 10 mail.example.com (content: …, ttl: 3600 → 300)`, `- old TXT "…"`.
 */
export function formatPlan(plan: RecordPlan): string[] {
  const describe = (record: { name: string; type: string; content: string; priority?: number | null }) => {
    const priority = record.priority !== undefined && record.priority !== null ? `${record.priority} ` : '';
    const content = record.type === 'TXT' ? JSON.stringify(record.content) : record.content;
    return `${record.name} ${record.type} ${priority}${content}`;
  };
  const lines: string[] = [];
  for (const input of plan.creates)
    lines.push(`+ ${describe(input)}${input.ttl !== undefined ? ` ttl=${input.ttl}` : ''}`);
  for (const { record, patch } of plan.updates) {
    const changes = (Object.keys(patch) as (keyof DnsRecordPatch)[]).map(
      (field) => `${field}: ${String(record[field])} → ${String(patch[field])}`,
    );
    lines.push(`~ ${describe(record)} (${changes.join(', ')})`);
  }
  for (const record of plan.deletes) lines.push(`- ${describe(record)}`);
  return lines;
}
