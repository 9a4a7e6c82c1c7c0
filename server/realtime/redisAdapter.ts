import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../logger';

/**
 * With REDIS_URL, instances share Socket.IO rooms through Redis pub/sub: a broadcast or
 * `fetchSockets()` on one instance reaches sockets connected to every other.
 */
export async function useRedisAdapter(io: Server, redisUrl: string, logger: Logger): Promise<() => Promise<void>> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err) => logger.error({ err }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { requestsTimeout: 3000 }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
