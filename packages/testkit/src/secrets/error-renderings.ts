import { inspect } from 'node:util';

/**
 * Every rendering of an error a user might log or send on (String, message, stack, JSON, toJSON,
 * util.inspect with hidden properties), for the whole cause chain: assert that no credential
 * appears in any of them.
 */
export function errorRenderings(error: unknown): string[] {
  const out: string[] = [inspect(error, { depth: 10, showHidden: true })];
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    const e = current as Error & { toJSON?: () => unknown };
    out.push(
      String(e),
      e.message ?? '',
      e.stack ?? '',
      safeJson(e),
      inspect(e, { depth: 10, showHidden: true }),
    );
    if (typeof e.toJSON === 'function') out.push(safeJson(e.toJSON()));
    current = (e as { cause?: unknown }).cause;
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
