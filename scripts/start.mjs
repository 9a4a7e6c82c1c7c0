// `npm start`: install ffmpeg and pandoc if they are missing and this machine lets us, build the client when it
// is missing or older than its sources, then run the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'client', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () => {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return [path.join(root, 'client'), path.join(root, 'shared')].some((d) => newestMtime(d) > built);
};

// The server runs from its TypeScript sources through tsx: one process, signals reach it directly.
const { register } = await import('tsx/esm/api');
register();

const { ensureSystemPackages, startRequirements } = await import('./systemPackages.ts');
const purpose = 'to process audio and make e-books';
if (!ensureSystemPackages(startRequirements, { purpose, rerun: 'npm start' })) process.exit(1);

if (sourcesChanged()) {
  console.log('Building the Chorus client…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

await import(path.join(root, 'server', 'index.ts'));
