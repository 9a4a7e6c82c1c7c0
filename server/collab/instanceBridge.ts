import { createHash, randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { DocumentRegistry } from './documentRegistry';

const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ from: z.string(), kind: z.literal('appended'), documentId: z.string(), seq: z.number().int() }),
  z.object({ from: z.string(), kind: z.literal('awareness'), documentId: z.string(), message: z.string() }),
  // Someone joined on the sender: each instance answers with the presence of the people connected to it.
  z.object({ from: z.string(), kind: z.literal('presence?'), documentId: z.string() }),
]);

/**
 * Several instances may have one document open at once (a load balancer does not know which document a
 * socket is for). The update log in PostgreSQL stays the one order of truth; this bridge only tells the
 * other instances, through Redis pub/sub, that a document changed (they read the new entries from the log)
 * and passes presence on (someone joining asks the others for the presence of everyone connected to them, so
 * they see everyone at once). A lost notice delays a change for people on another instance until the next one or
 * the next check of open documents against the log (every two seconds), it never loses it: every change is
 * durable in the log before it is announced.
 */
export async function connectInstanceBridge(
  redisUrl: string,
  sessionSecret: string,
  registry: DocumentRegistry,
  logger: Logger,
  /** How often open documents are compared with the head of their log, in case a notice was lost. */
  logCheckEveryMs = 2000,
): Promise<() => Promise<void>> {
  const me = randomUUID();
  // Instances of one deployment share the session secret; others on the same Redis get their own channel.
  const channel = `chorus:collab:${createHash('sha256').update(`collab:${sessionSecret}`).digest('hex').slice(0, 12)}`;
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  for (const client of [pub, sub])
    client.on('error', (err) => logger.error({ err }, 'redis connection error (co-writing between instances)'));
  await Promise.all([pub.connect(), sub.connect()]);

  function publishAwareness(documentId: string, message: Uint8Array): void {
    publish({ kind: 'awareness', documentId, message: Buffer.from(message).toString('base64') });
  }
  const publish = (notice: object) => {
    pub
      .publish(channel, JSON.stringify({ from: me, ...notice }))
      .catch((err: unknown) => logger.warn({ err }, 'could not tell other instances about a document change'));
  };
  await sub.subscribe(channel, (raw) => {
    let notice;
    try {
      notice = noticeSchema.parse(JSON.parse(raw));
    } catch (err) {
      logger.warn({ err }, 'ignored an unreadable co-writing notice');
      return;
    }
    if (notice.from === me) return;
    if (notice.kind === 'appended') registry.changedElsewhere(notice.documentId, notice.seq);
    else if (notice.kind === 'awareness')
      registry.get(notice.documentId)?.awarenessFromElsewhere(new Uint8Array(Buffer.from(notice.message, 'base64')));
    else {
      const here = registry.get(notice.documentId)?.presenceForElsewhere();
      if (here) publishAwareness(notice.documentId, here);
    }
  });

  const disconnect = registry.connectElsewhere({
    appended: (documentId, seq) => publish({ kind: 'appended', documentId, seq }),
    awareness: publishAwareness,
    askForPresence: (documentId) => publish({ kind: 'presence?', documentId }),
  });

  // Notices are fire-and-forget; the log is not. Now and then, check open documents against it.
  let checking = false;
  const check = setInterval(() => {
    if (checking) return;
    checking = true;
    registry
      .catchUpWithLog()
      .catch((err: unknown) => logger.warn({ err }, 'could not compare open documents with the update log'))
      .finally(() => (checking = false));
  }, logCheckEveryMs).unref();

  return async () => {
    clearInterval(check);
    disconnect();
    await Promise.allSettled([sub.quit(), pub.quit()]);
  };
}
