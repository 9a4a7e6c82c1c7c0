import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../shared/editor/schema';
import type { ExportUpdatedEvent } from '../../shared/realtime/events';
import { joinedSocket } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { collabTeam } from '../support/collabTeam';
import { exportSample, exportSampleText, exportSampleTitle } from '../support/exportSample';
import { signedUp, type TestClient } from '../support/httpClient';

const collab = collabTeam();
const run = promisify(execFile);
const schema = getSchema(editorExtensions);

/** A publication holding the sample, written live by its expert, as the server has it. */
async function sampleDocument(): Promise<string> {
  const { team } = collab;
  const doc = await newDocument(team.people.expert, team.workspaceId, exportSampleTitle);
  const writer = await (await collab.open('expert')).join(doc.id);
  Y.applyUpdate(writer.ydoc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, exportSample, 'default')));
  await eventually(
    async () =>
      (await team.people.admin.get(`/api/documents/${doc.id}/content`)).body.json?.content?.length ===
      exportSample.content!.length,
  );
  return doc.id;
}

/**
 * Polls an export until it is ready or failed, keeping every status seen. The first export of a server also
 * starts its export thread, which loads the editor schema and the format's library: seconds on a busy machine.
 */
async function finished(client: TestClient, id: string) {
  const seen: string[] = [];
  const body = await eventually(
    async () => {
      const res = await client.get(`/api/exports/${id}`);
      expect(res.status).toBe(200);
      seen.push(res.body.status);
      return ['ready', 'failed'].includes(res.body.status) && res.body;
    },
    30_000,
    'the export to finish',
  );
  return { body, seen };
}

const download = (client: TestClient, url: string) =>
  fetch(collab.server.url + url, { headers: { cookie: client.cookie ?? '' } });

describe('document exports', () => {
  it('exports a document as DOCX: 202, live progress to ready, a download named after the title', async () => {
    const { team, server } = collab;
    const documentId = await sampleDocument();
    const socket = await joinedSocket(server.url, team.people.carer, team.workspaceId);
    const events: ExportUpdatedEvent[] = [];
    socket.on('export:updated', (e) => events.push(e));

    // Any member may export, a carer too.
    const started = await team.people.carer.post(`/api/documents/${documentId}/exports`, { format: 'docx' });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String) });
    const { body } = await finished(team.people.carer, started.body.id);
    expect(body).toMatchObject({
      id: started.body.id,
      documentId,
      versionId: null,
      format: 'docx',
      status: 'ready',
      progress: 1,
      failureReason: null,
      url: `/api/exports/${started.body.id}/file`,
      fileName: 'Caring at home a report.docx',
    });

    await eventually(() => events.some((e) => e.exportId === body.id && e.status === 'ready'));
    const mine = events.filter((e) => e.exportId === body.id);
    expect(mine[0]).toMatchObject({ workspaceId: team.workspaceId, documentId, status: 'queued', progress: 0 });
    expect(mine.some((e) => e.status === 'running' && e.progress! > 0 && e.progress! < 1)).toBe(true);
    const progress = mine.map((e) => e.progress ?? 0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    socket.close();

    const file = await download(team.people.editor, body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Caring at home a report.docx"; filename*=UTF-8''Caring%20at%20home%20a%20report.docx`,
    );
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as every DOCX is
  });

  it('offers HTML and Markdown with their content types, and names letters of any script', async () => {
    const { team } = collab;
    const doc = await newDocument(team.people.expert, team.workspaceId, 'Zoë’s “story”');
    for (const [format, type, extension] of [
      ['html', 'text/html; charset=utf-8', 'html'],
      ['md', 'text/markdown; charset=utf-8', 'md'],
    ] as const) {
      const started = await team.people.expert.post(`/api/documents/${doc.id}/exports`, { format });
      expect(started.status).toBe(202);
      const { body } = await finished(team.people.expert, started.body.id);
      expect(body.status).toBe('ready');
      const file = await download(team.people.expert, body.url);
      expect(file.headers.get('content-type')).toBe(type);
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="Zo__s _story_.${extension}"; filename*=UTF-8''${encodeURIComponent(`Zoë’s “story”.${extension}`)}`,
      );
      expect(await file.text()).toContain(format === 'html' ? '<title>Zoë’s “story”</title>' : '# Zoë’s “story”');
    }
  });

  it('exports a PDF (tagged, titled, the text in order) and an EPUB through the server', async () => {
    const { team } = collab;
    const documentId = await sampleDocument();
    const dir = await mkdtemp(path.join(tmpdir(), 'chorus-exports-'));
    try {
      const files: Record<string, string> = {};
      for (const [format, type] of [
        ['pdf', 'application/pdf'],
        ['epub', 'application/epub+zip'],
      ] as const) {
        const started = await team.people.carer.post(`/api/documents/${documentId}/exports`, { format });
        expect(started.status).toBe(202);
        const { body } = await finished(team.people.carer, started.body.id);
        expect(body).toMatchObject({ status: 'ready', fileName: `Caring at home a report.${format}` });
        const file = await download(team.people.carer, body.url);
        expect(file.headers.get('content-type')).toBe(type);
        files[format] = path.join(dir, `export.${format}`);
        await writeFile(files[format], Buffer.from(await file.arrayBuffer()));
      }

      const info = (await run('pdfinfo', [files.pdf!])).stdout;
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(new RegExp(`^Title:\\s+${exportSampleTitle}$`, 'm'));
      // The text inside the margins (no running heads or page numbers), after the cover and contents pages.
      const pdfText = (
        await run('pdftotext', ['-f', '3', '-y', '80', '-H', '690', '-W', '595', files.pdf!, '-'])
      ).stdout
        .split('\n')
        .map((l) => l.trim().replace(/^(•|–|\d+\.)\s+/, ''))
        .filter(Boolean)
        .join(' ');
      // The acknowledgements follow the text: the expert who wrote it has not agreed to be named, so is counted.
      const thanks = 'With thanks to one practice expert or researcher who preferred not to be named.';
      expect(pdfText).toBe([...exportSampleText.slice(1), 'Acknowledgements', thanks].join(' '));

      const epubText = (await run('pandoc', ['-f', 'epub', '-t', 'plain', '--wrap=none', files.epub!])).stdout;
      for (const words of exportSampleText) expect(epubText).toContain(words);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exports a named version as it was, not the document as it is now', async () => {
    const { team } = collab;
    const doc = await newDocument(team.people.expert, team.workspaceId, 'Drafts');
    const writer = await (await collab.open('expert')).join(doc.id);
    writer.type('First draft.');
    await eventually(
      async () =>
        (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html ===
        '<p>First draft.</p>',
    );
    const version = await team.people.expert.post(`/api/documents/${doc.id}/versions`, { name: 'Before the workshop' });
    expect(version.status).toBe(201);
    writer.type(' Rewritten later.');
    await eventually(async () =>
      (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('later'),
    );

    // Once she agrees to be credited by name, the acknowledgements name her.
    const credit = { creditByName: true, creditName: 'Dr Ann Lee' };
    const agreed = await team.people.expert.request(
      'PATCH',
      `/api/workspaces/${team.workspaceId}/members/me/credit`,
      credit,
    );
    expect(agreed.status).toBe(200);
    const started = await team.people.carer.post(`/api/documents/${doc.id}/exports`, {
      format: 'md',
      versionId: version.body.id,
    });
    expect(started.status).toBe(202);
    const { body } = await finished(team.people.carer, started.body.id);
    expect(body).toMatchObject({
      status: 'ready',
      versionId: version.body.id,
      fileName: 'Drafts - Before the workshop.md',
    });
    expect(await (await download(team.people.carer, body.url)).text()).toBe(
      '# Drafts\n\nFirst draft.\n\n## Acknowledgements\n\nWriting: Dr Ann Lee (Practice expert or researcher).\n',
    );

    const missing = await team.people.carer.post(`/api/documents/${doc.id}/exports`, {
      format: 'md',
      versionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(404);
  });

  it('answers outsiders 404, an unknown format 400, and an unknown export 404', async () => {
    const { team, server } = collab;
    const doc = await newDocument(team.people.expert, team.workspaceId, 'Private');
    const started = await team.people.expert.post(`/api/documents/${doc.id}/exports`, { format: 'html' });
    await finished(team.people.expert, started.body.id);

    const outsider = (await signedUp(server.url, 'Olive Outsider')).client;
    expect((await outsider.post(`/api/documents/${doc.id}/exports`, { format: 'html' })).status).toBe(404);
    expect((await outsider.get(`/api/exports/${started.body.id}`)).status).toBe(404);
    expect((await download(outsider, `/api/exports/${started.body.id}/file`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/exports/${started.body.id}`)).status).toBe(401);

    const unknown = await team.people.expert.post(`/api/documents/${doc.id}/exports`, { format: 'rtf' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message + JSON.stringify(unknown.body.error.fields)).toContain(
      'html, md, docx, pdf, epub',
    );

    expect((await team.people.expert.get('/api/exports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await team.people.expert.get('/api/exports/not-an-id')).status).toBe(400);
  });
});
