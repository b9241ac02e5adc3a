import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SeedInfo } from '@registrar-kit/testkit/emulators';
import type { EmulatorKind, HostMessage, HostReply } from './emulator-protocol.js';

const HOST = fileURLToPath(new URL('./emulator-host.ts', import.meta.url));

export interface EmulatorStats {
  requests: number;
  rateLimited: number;
  cpuMs: number;
}

export interface EmulatorProcess {
  url: string;
  seedInfo: SeedInfo;
  /** Id of the extra hosted DNSimple domain, when one was asked for. */
  hostedDomainId?: number;
  /** Requests received, 429s sent and the emulator process's CPU time so far (`reset` clears the request log afterwards). */
  stats(reset?: boolean): Promise<EmulatorStats>;
  close(): Promise<void>;
}

function next(child: ChildProcess, type: HostReply['type']): Promise<HostReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: HostReply) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the emulator process exited (${code}) before answering ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts an emulator (`startXEmulator(options)` of the testkit) in a child process. The child
 * inherits `--import tsx` from this process's exec arguments.
 */
export async function startEmulatorProcess(
  kind: EmulatorKind,
  options: Record<string, unknown>,
  extra: { hostedDomain?: string } = {},
): Promise<EmulatorProcess> {
  const child = fork(HOST, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: process.execArgv.filter((a) => a !== '--expose-gc'),
  });
  const send = (message: HostMessage) => child.send(message);
  const ready = next(child, 'ready');
  send({ type: 'start', kind, options, ...extra });
  const started = (await ready) as Extract<HostReply, { type: 'ready' }>;
  return {
    url: started.url,
    seedInfo: started.seedInfo,
    hostedDomainId: started.hostedDomainId,
    async stats(reset = false) {
      const answer = next(child, 'stats');
      send({ type: 'stats', reset });
      const { requests, rateLimited, cpuMs } = (await answer) as Extract<HostReply, { type: 'stats' }>;
      return { requests, rateLimited, cpuMs };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        send({ type: 'close' });
      }),
  };
}
