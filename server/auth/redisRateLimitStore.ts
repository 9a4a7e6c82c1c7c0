import { createHash } from 'node:crypto';
import type { Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Logger } from '../logger';

/**
 * Rate-limit counts kept in Redis, so every instance behind a load balancer counts the same attempts
 * (rate-limit-redis: the store maintained beside express-rate-limit). One connection serves every limiter.
 * Keys carry a digest of the session secret, which the instances of one deployment share, so two deployments
 * (or test servers) on one Redis never count each other's attempts.
 */
export async function redisRateLimitStores(
  redisUrl: string,
  sessionSecret: string,
  logger: Logger,
): Promise<{ store: (prefix: string) => Store; close(): Promise<void> }> {
  const deployment = createHash('sha256').update(`rate-limit:${sessionSecret}`).digest('hex').slice(0, 12);
  const client = createClient({ url: redisUrl });
  client.on('error', (err) => logger.error({ err }, 'redis connection error (sign-in rate limit)'));
  await client.connect();
  return {
    store: (prefix) =>
      new RedisStore({
        prefix: `${prefix}${deployment}:`,
        sendCommand: (...args: string[]) => client.sendCommand(args) as Promise<RedisReply>,
      }),
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}
