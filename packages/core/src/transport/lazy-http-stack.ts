/**
 * The HTTP stack (axios) and the retry loop (p-retry), loaded when the first request needs them
 * rather than at import, so importing core and an adapter stays cheap (bench/RESULTS.md, "Cold
 * start"). Each is loaded once; later calls reuse the same module.
 */
import type { AxiosStatic } from 'axios';
import type pRetryFunction from 'p-retry';

let axiosLoading: Promise<AxiosStatic> | undefined;
let pRetryLoading: Promise<typeof pRetryFunction> | undefined;

export function loadAxios(): Promise<AxiosStatic> {
  axiosLoading ??= import('axios').then((module) => module.default);
  return axiosLoading;
}

export function loadPRetry(): Promise<typeof pRetryFunction> {
  pRetryLoading ??= import('p-retry').then((module) => module.default);
  return pRetryLoading;
}
