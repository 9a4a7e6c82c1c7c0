// Starts the export worker thread from its TypeScript source: a worker does not inherit the loader the main
// thread registered, so it registers tsx (the way scripts/start.mjs runs the server) before importing it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
