import { ValidationError } from '../errors/error-classes.js';

/**
 * Checks a value that will become one URL path segment (an id, a name) and returns it encoded.
 * Empty values, `.` and `..` are refused (URL resolution would climb the path), and so is `/`
 * (it would add segments); everything else is `encodeURIComponent`ed.
 */
export function encodePathSegment(value: string | number, path = 'id'): string {
  const text = String(value);
  const problem =
    text.length === 0
      ? 'must not be empty'
      : text === '.' || text === '..'
        ? 'must not be "." or ".."'
        : text.includes('/') || text.includes('\\')
          ? 'must not contain "/" or "\\"'
          : null;
  if (problem) {
    throw new ValidationError(`Invalid ${path} ${JSON.stringify(text)}: ${problem}`, {
      issues: [{ path, message: problem }],
    });
  }
  return encodeURIComponent(text);
}

/**
 * Tagged template for request paths: every interpolated value is checked and encoded as one
 * segment. `urlPath\`/v2/${accountId}/domains/${name}\`` can never be steered elsewhere.
 */
export function urlPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += encodePathSegment(value) + (strings[index + 1] ?? '');
  });
  return out;
}
