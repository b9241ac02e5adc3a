/** Heap measurement after a full garbage collection (gc exposed at run time when the process was not started with --expose-gc). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

function collector(): () => void {
  if (gc) return gc;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) gc = exposed;
  else {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  return gc;
}

/** Used heap in bytes after two full collections. */
export function heapAfterGc(): number {
  const run = collector();
  run();
  run();
  return process.memoryUsage().heapUsed;
}
