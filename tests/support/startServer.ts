import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createChorus, type Chorus, type ChorusOptions } from '../../server/app';
import { loadConfig } from '../../server/config';

export interface TestServer {
  url: string;
  chorus: Chorus;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real server, in this process, on 127.0.0.1 at a free port, with a fresh DATA_DIR
 * (SQLite and local blobs unless `env` says otherwise).
 */
export async function startServer(
  options: { env?: Record<string, string>; chorus?: ChorusOptions; keepDataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.keepDataDir ?? (await mkdtemp(path.join(tmpdir(), 'chorus-test-')));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.CHORUS_TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const chorus = await createChorus(config, options.chorus);
  const url = await chorus.listen();
  return {
    url,
    chorus,
    dataDir,
    async stop() {
      await chorus.close();
      if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
