import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorExtensions } from '../../shared/editor/schema';
import { eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole } from '../support/collabFixtures';
import { collabTeam } from '../support/collabTeam';
import { exportSampleTitlePage, exportSampleWithFootnote } from '../support/exportSample';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';

const collab = collabTeam();
const run = promisify(execFile);
const schema = getSchema(editorExtensions);
const put = (client: TestClient, id: string, body: unknown) =>
  client.request('PUT', `/api/documents/${id}/title-page`, body);

/** Exports the document as `format` through the server, as `client`, and returns the file's bytes. */
async function exported(client: TestClient, documentId: string, format: string): Promise<Buffer> {
  const started = await client.post(`/api/documents/${documentId}/exports`, { format });
  expect(started.status).toBe(202);
  const body = await eventually(
    async () => {
      const res = await client.get(`/api/exports/${started.body.id}`);
      return ['ready', 'failed'].includes(res.body.status) && res.body;
    },
    30_000,
    'the export to finish',
  );
  expect(body).toMatchObject({ status: 'ready' });
  const file = await fetch(collab.server.url + body.url, { headers: { cookie: client.cookie ?? '' } });
  return Buffer.from(await file.arrayBuffer());
}

describe('a publication’s title page', () => {
  it('is read by members, written by those who may edit, refused to outsiders, and checked field by field', async () => {
    const { team, server } = collab;
    const doc = await newDocument(team.people.expert, team.workspaceId, 'Our report');
    const path = `/api/documents/${doc.id}/title-page`;

    // Before anyone fills it in: a first draft from the document's title, CC BY 4.0.
    const first = await team.people.carer.get(path);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      documentId: doc.id,
      saved: false,
      updatedAt: null,
      titlePage: {
        title: 'Our report',
        subtitle: '',
        authors: [],
        organisation: '',
        date: null,
        licence: 'cc-by-4.0',
        isbn: null,
        doi: null,
        funder: '',
      },
    });

    // A carer on a publication carers may not edit reads it but may not change it.
    const carer = await put(team.people.carer, doc.id, { title: 'Mine' });
    expect(carer.status).toBe(403);

    const bad = await put(team.people.expert, doc.id, {
      title: ' ',
      authors: ['Ann Lee', ''],
      date: '01/03/2027',
      licence: 'cc0',
      isbn: '978-1-4028-9462-7',
      doi: 'https://example.org/paper',
      colour: 'blue',
    });
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries(
      (bad.body.error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    );
    expect(Object.keys(fields).sort()).toEqual(['authors.1', 'body', 'date', 'doi', 'isbn', 'licence', 'title']);
    expect(fields.isbn).toContain('Check the last digit');
    expect(fields.doi).toContain('starts with 10.');
    expect(fields.body).toContain('colour');

    const saved = await put(team.people.expert, doc.id, {
      ...exportSampleTitlePage,
      isbn: '978-1-4028-9462-6',
      doi: 'https://doi.org/10.1234/chorus.1',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ saved: true, titlePage: exportSampleTitlePage });
    expect((await team.people.carer.get(path)).body).toMatchObject({ saved: true, titlePage: exportSampleTitlePage });

    const outsider = (await signedUp(server.url, 'Olive Outsider')).client;
    expect((await outsider.get(path)).status).toBe(404);
    expect((await put(outsider, doc.id, exportSampleTitlePage)).status).toBe(404);
    expect((await fetch(server.url + path)).status).toBe(401);

    // Scripts are read aloud, not published: they have no title page.
    const script = await newDocument(team.people.expert, team.workspaceId, 'Episode 1', 'script');
    const refused = await team.people.expert.get(`/api/documents/${script.id}/title-page`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('Only publications have a title page');
  });

  describe('in every export, with a footnote', () => {
    let documentId = '';
    let dir = '';
    beforeAll(async () => {
      const { team } = collab;
      dir = await mkdtemp(path.join(tmpdir(), 'chorus-title-page-'));
      documentId = (await newDocument(team.people.expert, team.workspaceId, 'Caring at home')).id;
      const writer = await (await collab.open('expert')).join(documentId);
      Y.applyUpdate(
        writer.ydoc,
        Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, exportSampleWithFootnote, 'default')),
      );
      await eventually(async () =>
        JSON.stringify((await team.people.admin.get(`/api/documents/${documentId}/content`)).body.json).includes(
          'Time off: a week or more.',
        ),
      );
      expect((await put(team.people.expert, documentId, exportSampleTitlePage)).status).toBe(200);
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));
    const file = async (format: string) => {
      const name = path.join(dir, `export.${format}`);
      await writeFile(name, await exported(collab.team.people.carer, documentId, format));
      return name;
    };

    it('HTML: the title page, contents links to heading ids, the note and About this publication', async () => {
      const html = (await exported(collab.team.people.carer, documentId, 'html')).toString('utf8');
      expect(html).toContain('<h1 id="caring-at-home">Caring at home</h1>\n<p class="title-page-subtitle">');
      expect(html).toContain('<a href="#what-carers-told-us">What carers told us</a>');
      expect(html).toContain('<h2 id="what-carers-told-us">');
      expect(html).toContain('<a href="#fn1" id="fnref1" role="doc-noteref"');
      expect(html).toContain('<li id="fn1"><p>Time off: a week or more.');
      expect(html).toContain('https://creativecommons.org/licenses/by/4.0/');
    });

    it('Markdown: the title page lines, the contents and the note', async () => {
      const md = (await exported(collab.team.people.carer, documentId, 'md')).toString('utf8');
      expect(md).toContain('# Caring at home\n\n*What carers told us*\n\nBy Ann Lee and Bob Roe');
      expect(md).toContain('- [What carers told us](#what-carers-told-us)');
      expect(md).toContain('matters more.[^1]');
      expect(md).toContain('[^1]: Time off: a week or more.');
    });

    it('DOCX read back by pandoc: the title page, contents and a Word footnote', async () => {
      const md = (await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', await file('docx')])).stdout;
      expect(md).toContain('By Ann Lee and Bob Roe');
      expect(md).toMatch(/Contents[\s\S]*What carers told us[\s\S]*About this publication/);
      expect(md).toContain('[^1]: Time off: a week or more.');
      expect(md).toContain('ISBN: 9781402894626');
    });

    it('PDF read back by poppler: the cover, the contents, the footnote, and still tagged', async () => {
      const pdf = await file('pdf');
      const text = (await run('pdftotext', [pdf, '-'])).stdout;
      expect(text).toContain('Caring at home\nWhat carers told us\nBy Ann Lee and Bob Roe\nChorus Lab\n1 March 2027');
      expect(text).toMatch(/Contents[\s\S]*What carers told us[\s\S]*What we will do/);
      expect(text).toContain('Time off: a week or more.');
      expect(text).toContain('About this publication');
      const info = (await run('pdfinfo', [pdf])).stdout;
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Title:\s+Caring at home$/m);
    });

    it('EPUB: the title page as metadata, and the note', async () => {
      const epub = await file('epub');
      const opf = (await run('unzip', ['-p', epub, 'EPUB/content.opf'])).stdout;
      expect(opf).toContain('>Caring at home</dc:title>');
      expect(opf).toContain('>Bob Roe</dc:creator>');
      expect(opf).toContain('<dc:rights>Creative Commons Attribution 4.0 International (CC BY 4.0)</dc:rights>');
      expect(opf).toContain('urn:isbn:9781402894626</dc:identifier>');
      const plain = (await run('pandoc', ['-f', 'epub', '-t', 'plain', '--wrap=none', epub])).stdout;
      expect(plain).toContain('Time off: a week or more.');
    });
  });

  for (const database of testDatabaseNames) {
    it(`is kept on ${database}: saved, read back, and printed in a Markdown export`, async () => {
      const server = await startServerOn(database);
      try {
        const { people, workspaceId } = await teamWithEveryRole(server.url);
        const doc = await newDocument(people.editor, workspaceId, 'Stored');
        expect((await put(people.editor, doc.id, exportSampleTitlePage)).status).toBe(200);
        const again = await put(people.editor, doc.id, { ...exportSampleTitlePage, authors: ['Zoë'], isbn: '' });
        expect(again.body.titlePage).toMatchObject({ authors: ['Zoë'], isbn: null });
        expect((await people.carer.get(`/api/documents/${doc.id}/title-page`)).body).toMatchObject({
          saved: true,
          titlePage: { ...exportSampleTitlePage, authors: ['Zoë'], isbn: null },
        });
        const started = await people.carer.post(`/api/documents/${doc.id}/exports`, { format: 'md' });
        const ready = await eventually(async () => {
          const res = await people.carer.get(`/api/exports/${started.body.id}`);
          return res.body.status === 'ready' && res.body;
        }, 30_000);
        const md = await (
          await fetch(server.url + ready.url, { headers: { cookie: people.carer.cookie ?? '' } })
        ).text();
        expect(md).toContain('# Caring at home\n\n*What carers told us*\n\nBy Zoë');
        expect(md).toContain('This copy was made on');
      } finally {
        await server.stop();
      }
    });
  }
});
