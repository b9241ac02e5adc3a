/** `registrar-kit providers`: the capability matrix of the four adapters. */
import { CAPABILITIES } from '@registrar-kit/core';
import type { Command } from 'commander';
import { credentialHint, PROVIDER_LIST, PROVIDERS } from '../../providers.js';
import { type CliState, runAction } from '../action.js';
import { capabilityMatrix } from '../context.js';

export function registerProviders(program: Command, state: CliState): void {
  program
    .command('providers')
    .description('show what each provider supports (the capability matrix)')
    .action((_options: unknown, command: Command) =>
      runAction(state, command, async (ctx) => {
        const matrix = capabilityMatrix();
        const out = ctx.out;
        if (out.json) {
          out.printJson({
            providers: PROVIDER_LIST.map((id) => ({
              id,
              label: PROVIDERS[id].label,
              env: credentialHint(id) || null,
              capabilities: { ...matrix[id] },
            })),
          });
          return;
        }
        const { colors } = out;
        out.table({
          head: ['capability', ...PROVIDER_LIST.map((id) => PROVIDERS[id].label)],
          rows: CAPABILITIES.map((capability) => [
            capability,
            ...PROVIDER_LIST.map((id) => (matrix[id][capability] ? colors.green('yes') : colors.dim('-'))),
          ]),
          align: ['left', ...PROVIDER_LIST.map(() => 'center' as const)],
        });
        out.note(
          `credentials: ${PROVIDER_LIST.map((id) => `${id} ${credentialHint(id)}`).join('; ')}; or --emulate`,
        );
      }),
    );
}
