import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packageDirs = readdirSync(`${root}packages`).filter((dir) =>
  existsSync(`${root}packages/${dir}/package.json`),
);

// Tests import workspace packages from source, so they never run against a stale build.
const alias: Record<string, string> = {
  '@registrar-kit/core': `${root}packages/core/src/index.ts`,
  '@registrar-kit/testkit/emulators': `${root}packages/testkit/src/emulators.ts`,
  '@registrar-kit/testkit/redis': `${root}packages/testkit/src/redis.ts`,
  '@registrar-kit/testkit': `${root}packages/testkit/src/index.ts`,
  '@registrar-kit/adapter-pocketdns': `${root}packages/adapter-pocketdns/src/index.ts`,
  '@registrar-kit/adapter-dnsimple': `${root}packages/adapter-dnsimple/src/index.ts`,
  '@registrar-kit/adapter-glauca': `${root}packages/adapter-glauca/src/index.ts`,
  '@registrar-kit/adapter-domainr': `${root}packages/adapter-domainr/src/index.ts`,
  '@registrar-kit/adapter-cloudflare': `${root}packages/adapter-cloudflare/src/index.ts`,
  '@registrar-kit/adapter-namecheap': `${root}packages/adapter-namecheap/src/index.ts`,
  '@registrar-kit/adapter-porkbun': `${root}packages/adapter-porkbun/src/index.ts`,
  'registrar-kit': `${root}packages/registrar-kit/src/index.ts`,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: packageDirs.map((dir) => ({
      extends: true,
      test: {
        name: dir,
        root: `${root}packages/${dir}`,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      },
    })),
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/test/**'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
});
