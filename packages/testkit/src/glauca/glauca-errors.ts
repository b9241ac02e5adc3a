/** DRF-style error bodies: `{ "detail": "..." }` with the standard DRF texts. */
import { EmulatorHttpError } from '../emulator/emulator-types.js';

export const PERMISSION_DENIED = 'You do not have permission to perform this action.';
export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
export const INVALID_TOKEN = 'Invalid token';
export const NOT_FOUND = 'Not found.';

export function detail(message: string): { detail: string } {
  return { detail: message };
}

export function notFound(): EmulatorHttpError {
  return new EmulatorHttpError(404, detail(NOT_FOUND));
}

export function forbidden(message = PERMISSION_DENIED): EmulatorHttpError {
  return new EmulatorHttpError(403, detail(message));
}
