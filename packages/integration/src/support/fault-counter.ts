/**
 * A fault list for the emulators' `faults: [{ rate, fault: [...] }]` that counts which fault the
 * emulator picked: the fault injector reads one element per hit, so a Proxy sees every injection.
 */
import type { FaultKind } from '@registrar-kit/testkit';

export function faultLabel(fault: FaultKind): string {
  switch (fault.type) {
    case 'status':
      return `status ${fault.status}`;
    case 'error':
      return `error ${fault.status}`;
    case 'html-error':
      return `html ${fault.status}`;
    default:
      return fault.type;
  }
}

export function countingFaults(faults: FaultKind[], counts: Map<string, number>): FaultKind[] {
  return new Proxy(faults, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key === 'string' && /^\d+$/.test(key) && value) {
        const label = faultLabel(value as FaultKind);
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      return value;
    },
  });
}
