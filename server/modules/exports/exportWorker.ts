// The export worker thread: makes export files (`buildExport`) for `exportThread.ts`, one message at a time.
import { parentPort } from 'node:worker_threads';
import { buildExport } from './formats/buildExport';
import type { ExportRequest, ExportReply } from './exportThread';

parentPort!.on('message', async ({ id, input }: ExportRequest) => {
  let reply: ExportReply;
  try {
    const bytes = await buildExport(input);
    reply = { id, bytes };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
});
