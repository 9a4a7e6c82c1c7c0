import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ffmpeg } from './audio';
import type { TestClient } from './httpClient';
import { putChunk } from './recordings';

/**
 * A voice comment made over HTTP as the browser makes one: a few seconds of tone as MediaRecorder's WebM/Opus, sent
 * in one piece, then sent to `target`; resolves once it is ready to play.
 */
export async function voiceCommentOverHttp(
  who: TestClient,
  workspaceId: string,
  target: Record<string, unknown>,
  dir: string,
): Promise<{ id: string }> {
  const file = path.join(dir, `voice-${Date.now()}.webm`);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=330:duration=4',
    '-c:a',
    'libopus',
    '-live',
    '1',
    '-f',
    'webm',
    file,
  ]);
  const rec = await who.post(`/api/workspaces/${workspaceId}/recordings`, {
    mimeType: 'audio/webm;codecs=opus',
    purpose: 'voiceComment',
  });
  if (rec.status !== 201) throw new Error(`could not start a voice comment: ${JSON.stringify(rec.body)}`);
  const piece = await putChunk(who, rec.body.id, 0, await readFile(file));
  if (piece.status !== 200) throw new Error(`its piece was refused: ${JSON.stringify(piece.body)}`);
  const sent = await who.post(`/api/recordings/${rec.body.id}/voice-comment`, { target });
  if (sent.status !== 200) throw new Error(`it could not be sent: ${JSON.stringify(sent.body)}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const now = await who.get(`/api/voice-comments/${rec.body.id}`);
    if (now.body?.status === 'ready') return { id: rec.body.id };
    if (now.body?.status === 'failed' || Date.now() > deadline)
      throw new Error(`voice comment not ready: ${JSON.stringify(now.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
