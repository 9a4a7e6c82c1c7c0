import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * How the proxy treats connections:
 * - `pass`: bytes flow both ways, as if the server were reached directly;
 * - `refuse`: nothing listens and open connections are cut, as when the server is stopped;
 * - `freeze`: connections are accepted but no byte moves either way, as when the server is frozen
 *   (SIGSTOP): the kernel still completes the handshake, the process behind answers nothing.
 */
export type ProxyMode = 'pass' | 'refuse' | 'freeze';

export interface FaultyTcpProxy {
  /** `http://127.0.0.1:<port>`: give it to the client instead of the real address. */
  readonly url: string;
  readonly mode: ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
}

/**
 * A TCP proxy on 127.0.0.1 in front of `target`, whose failures a test switches on and off. Tests use it to take
 * a shared service (the S3 gateway) away from ONE server under test without stopping the real one, which every
 * other test file running in parallel is using.
 */
export async function startFaultyTcpProxy(target: { host: string; port: number }): Promise<FaultyTcpProxy> {
  let mode: ProxyMode = 'pass';
  const pairs = new Set<Pair>();
  let server: Server | undefined;
  let port = 0;

  const flow = (pair: Pair) => {
    if (!pair.upstream) {
      const upstream = connect(target.port, target.host);
      pair.upstream = upstream;
      upstream.on('error', () => pair.client.destroy());
      upstream.on('close', () => pair.client.destroy());
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
    pair.client.resume();
    pair.upstream.resume();
  };
  const stop = (pair: Pair) => {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer({ pauseOnConnect: true }, (client) => {
        const pair: Pair = { client, upstream: undefined };
        pairs.add(pair);
        client.on('error', () => pair.upstream?.destroy());
        client.on('close', () => {
          pair.upstream?.destroy();
          pairs.delete(pair);
        });
        if (mode === 'pass') flow(pair);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const unlisten = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
    });

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    async setMode(next) {
      if (next === mode) return;
      const before = mode;
      mode = next;
      if (next === 'refuse') return unlisten();
      if (before === 'refuse') await listen();
      for (const pair of pairs) (next === 'pass' ? flow : stop)(pair);
    },
    async close() {
      mode = 'refuse';
      await unlisten();
    },
  };
}
