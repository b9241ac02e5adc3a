// A throwaway redis-server for tests of limits shared through Redis: test-only, so kept out of the
// `emulators` entry that the CLI loads at run time (`@registrar-kit/testkit/redis`).
export { type RunningRedis, redisUnavailableReason, startRedisServer } from './redis/redis-server.js';
