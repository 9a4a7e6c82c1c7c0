import { createChorus } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

// Boot: validate configuration, build, listen; on SIGTERM/SIGINT finish what is in flight and exit.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const chorus = await createChorus(config, { logger });
  const url = await chorus.listen();
  logger.info(
    { url, database: config.database.kind, storage: config.storage.kind, dataDir: config.dataDir },
    `Chorus is running at ${url}`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await chorus.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e) => {
  console.error('Chorus failed to start:', e instanceof Error ? e.message : e);
  if (e instanceof Error && e.cause) console.error('Cause:', e.cause);
  process.exit(1);
});
