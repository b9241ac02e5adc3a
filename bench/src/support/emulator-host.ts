/**
 * Child process that runs one loopback emulator, so the emulator's CPU work does not share the
 * event loop (and the heap) with the client being measured. Driven over the IPC channel by
 * emulator-process.ts: `start` → `ready`, `stats` → `stats`, `close` → exit.
 */
import { PROVIDER_EMULATORS, type RunningEmulator, type SeedInfo } from '@registrar-kit/testkit/emulators';
import type { HostMessage, HostReply } from './emulator-protocol.js';

let emulator: RunningEmulator<unknown> | undefined;

function reply(message: HostReply): void {
  process.send?.(message);
}

process.on('message', async (message: HostMessage) => {
  if (message.type === 'start') {
    emulator = await PROVIDER_EMULATORS[message.kind].start(message.options);
    let hostedDomainId: number | undefined;
    if (message.hostedDomain && message.kind === 'dnsimple') {
      // A hosted (not registered) domain: DNSimple getDomain is then one GET, with no registrar reads.
      const state = emulator.state as {
        addDomain(accountId: number, name: string, init: Record<string, unknown>): { id: number };
      };
      const accountId = Number(emulator.seedInfo.credentials.accountId ?? 1010);
      hostedDomainId = state.addDomain(accountId, message.hostedDomain, {
        state: 'hosted',
        registrantId: null,
        expiresAt: null,
        createdAt: new Date('2024-01-15T00:00:00Z'),
      }).id;
    }
    const seedInfo: SeedInfo = emulator.seedInfo;
    reply({ type: 'ready', url: emulator.url, seedInfo, hostedDomainId });
  } else if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    reply({
      type: 'stats',
      requests: emulator?.requests.length ?? 0,
      rateLimited: emulator?.rateLimited() ?? 0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
    // The request log is only needed for these counts: drop it so long runs do not grow this process.
    if (message.reset && emulator) emulator.requests.length = 0;
  } else if (message.type === 'close') {
    await emulator?.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
