import { NetworkError } from '../errors/error-classes.js';

/** The error of a call aborted while it waited for a rate-limit slot. */
export function slotAbortedError(): NetworkError {
  return new NetworkError('The request was aborted while waiting for a rate-limit slot', { code: 'aborted' });
}
