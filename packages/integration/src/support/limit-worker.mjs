// One worker process of the shared rate-limit test: checks availability N times through the
// PocketDNS adapter with its bucket shared through Redis, and prints the send times as JSON.
import { createPocketDns } from '@registrar-kit/adapter-pocketdns';
import { Redis } from 'ioredis';

const { BASE_URL, REDIS_PORT, COUNT, LIMIT_ID, LIMIT, INTERVAL_MS, SHARED, START_AT } = process.env;
const redis = SHARED === '1' ? new Redis({ port: Number(REDIS_PORT) }) : undefined;
const sentAt = [];
const errors = [];
const registrar = createPocketDns({
  apiKey: 'pocketdns-test-key',
  owner: 'user_123',
  baseURL: BASE_URL,
  retry: false,
  rateLimit: {
    ...(redis ? { redis, id: LIMIT_ID } : {}),
    buckets: { availability: { limit: Number(LIMIT), intervalMs: Number(INTERVAL_MS) } },
  },
  onEvent: (event) => {
    if (event.type === 'request') sentAt.push(Date.now());
  },
});
// All workers start sending at the same moment, however long each process took to start.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(START_AT ?? 0) - Date.now())));
await Promise.all(
  Array.from({ length: Number(COUNT) }, (_, i) =>
    registrar
      .checkAvailability(`name-${process.pid}-${i}.com`)
      .catch((error) => errors.push(`${error.name}: ${error.message}`)),
  ),
);
process.stdout.write(JSON.stringify({ sentAt, errors }));
redis?.disconnect();
process.exit(0);
