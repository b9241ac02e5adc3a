import { ValidationError } from '../errors/error-classes.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks a base URL: https, or plain http only for loopback hosts (emulators) unless
 * `allowInsecureHttp`, so a credential is never sent in clear by mistake. Returns it without a
 * trailing slash (a path prefix of a proxy is kept).
 */
export function assertSafeBaseURL(baseURL: string, allowInsecureHttp: boolean, provider: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new ValidationError(`${provider}: baseURL ${JSON.stringify(baseURL)} is not a URL`, {
      provider,
      operation: 'configure',
      issues: [{ path: 'baseURL', message: 'must be an absolute http(s) URL' }],
    });
  }
  const insecure = url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !allowInsecureHttp;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || insecure) {
    throw new ValidationError(
      `${provider}: baseURL must use https (plain http is allowed for loopback hosts, or with allowInsecureHttp: true)`,
      { provider, operation: 'configure', issues: [{ path: 'baseURL', message: 'must use https' }] },
    );
  }
  if (url.search || url.hash) {
    throw new ValidationError(`${provider}: baseURL must not have a query or fragment`, {
      provider,
      operation: 'configure',
      issues: [{ path: 'baseURL', message: 'must not have a query or fragment' }],
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
