/** Query parameter names whose values are credentials. */
const SECRET_PARAM =
  /([?&;](?:client_id|clientId|key|api_key|apikey|token|access_token|secret|password)=)[^&#\s"']*/gi;
/** `Bearer xxx`, `Token xxx`, `Basic xxx` and `X-AS207960-PAT xxx` credentials in free text. */
const SECRET_SCHEME = /\b(Bearer|Token|Basic|X-AS207960-PAT)\s+[A-Za-z0-9._~+/=:-]+/g;

export const REDACTED = '[REDACTED]';

/**
 * Removes credentials from a text: every known secret value (exact occurrences, also
 * percent-encoded), credential query parameters and authorization schemes.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out.replace(SECRET_PARAM, `$1${REDACTED}`).replace(SECRET_SCHEME, `$1 ${REDACTED}`);
}

/** Nesting kept by `redactValue`; anything deeper is replaced (a hostile body may nest 100,000 levels). */
export const MAX_REDACT_DEPTH = 64;
const TOO_DEEP = '[nested too deep]';

/**
 * Deep-copies a JSON-like value with every string redacted, object keys included (a provider may
 * echo a credential as a key), for provider error bodies kept on errors. Nesting beyond
 * `MAX_REDACT_DEPTH` is cut, so the copy never overflows the stack.
 */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_REDACT_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      redactSecrets(key, secrets),
      redactValue(item, secrets, depth + 1),
    ]),
  );
}
