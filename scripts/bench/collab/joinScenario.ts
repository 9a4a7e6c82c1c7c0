// `--scenario join`: how long joining a big document takes, cold and warm.
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { collabMessageType } from '../../../shared/realtime/collab';
import type { ServerProcess } from '../../../tests/support/collabProcess';
import { latencySummary, round } from '../stats';
import type { ApiSession } from './process';
import { join, openSocket, step1, updateMessage } from './protocol';

/**
 * A document shaped like the Yjs B4 trace (one author writing a paper: ~105k characters, ~160 KB of
 * state): text typed a character at a time in runs, the cursor jumping now and then, backspaces,
 * new paragraphs. Grown until its encoded state reaches `targetBytes`.
 */
function b4LikeDocument(targetBytes: number): Y.Doc & { edits: number } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('default');
  const paragraphs: Y.XmlText[] = [];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = [
    'care',
    'carer',
    'support',
    'family',
    'time',
    'home',
    'help',
    'voice',
    'listen',
    'the',
    'and',
    'of',
    'to',
    'with',
    'we',
    'found',
    'that',
  ];
  const newParagraph = () => {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    const at = Math.floor(random() * (body.length + 1));
    body.insert(at, [p]);
    paragraphs.splice(at, 0, t);
    return t;
  };
  let text = newParagraph();
  let cursor = 0;
  let edits = 0;
  let size = 0;
  while (size < targetBytes) {
    doc.transact(() => {
      for (let n = 0; n < 500; n++) {
        const r = random();
        if (r < 0.008) {
          text = newParagraph();
          cursor = 0;
        } else if (r < 0.035) {
          text = paragraphs[Math.floor(random() * paragraphs.length)]!;
          cursor = Math.floor(random() * (text.length + 1));
        } else if (r < 0.12 && cursor > 0) {
          const back = Math.min(cursor, 1 + Math.floor(random() * 4));
          for (let i = 0; i < back; i++) text.delete(--cursor, 1);
          edits += back;
        }
        for (const ch of `${words[Math.floor(random() * words.length)]} `) {
          text.insert(cursor++, ch);
          edits++;
        }
      }
    });
    size = Y.encodeStateAsUpdate(doc).byteLength;
  }
  return Object.assign(doc, { edits });
}

export async function joinScenario(server: ServerProcess, api: ApiSession, joins: number, targetBytes: number) {
  const source = b4LikeDocument(targetBytes);
  const state = Y.encodeStateAsUpdate(source);
  const chars = source
    .getXmlFragment('default')
    .toArray()
    .reduce((n, p) => n + ((p as Y.XmlElement).get(0) as Y.XmlText).length, 0);
  const docId = await api.newDocument('B4-size');

  const seeder = await openSocket(server.url, api.cookie);
  const reply = await join(seeder, docId);
  if (!reply.ok) throw new Error(reply.error.message);
  seeder.emit('y', docId, updateMessage(state));
  seeder.emit('leave', docId);
  // Wait for the snapshot on leave and for the document to leave memory (idleUnloadMs = 1 s), so the first join is cold.
  await new Promise((r) => setTimeout(r, 2500));
  seeder.disconnect();

  const timeJoin = async (): Promise<number> => {
    const socket = await openSocket(server.url, api.cookie);
    const doc = new Y.Doc();
    const started = performance.now();
    const synced = new Promise<void>((resolve) => {
      socket.on('y', (_id, raw) => {
        const message = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
        const d = decoding.createDecoder(message);
        if (decoding.readVarUint(d) !== collabMessageType.sync) return;
        if (decoding.readVarUint(d) !== syncProtocol.messageYjsSyncStep2) return;
        Y.applyUpdate(doc, decoding.readVarUint8Array(d));
        resolve();
      });
    });
    const r = await join(socket, docId);
    if (!r.ok) throw new Error(r.error.message);
    socket.emit('y', docId, step1(doc));
    await synced;
    const ms = performance.now() - started;
    if (Y.encodeStateVector(doc).byteLength !== Y.encodeStateVector(source).byteLength)
      throw new Error('join did not receive the whole document');
    socket.disconnect();
    return ms;
  };

  const coldMs = await timeJoin();
  const warm: number[] = [];
  let failed = 0;
  for (let i = 0; i < joins; i++) {
    try {
      warm.push(await timeJoin());
    } catch {
      failed++;
    }
  }
  return {
    doc_bytes: state.byteLength,
    doc_chars: chars,
    doc_edits: source.edits,
    cold_join_ms: round(coldMs),
    ...latencySummary(warm),
    updates_per_s: null,
    dropped: failed,
    measured: 'join emit → ack → sync step 1 → sync step 2 received and applied, on a fresh connection',
  };
}
