import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getSchema } from '@tiptap/core';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentImageAttributes } from '../../shared/editor/documentImage';
import { editorExtensions } from '../../shared/editor/schema';
import { documentImageKey } from '../../server/storage/keys';
import { eventually, type CollabDoc } from '../support/collabClient';
import { newDocument, teamWithEveryRole } from '../support/collabFixtures';
import { CollabTeam } from '../support/collabTeam';
import { signedUp, type TestClient } from '../support/httpClient';
import { ffmpegImage } from '../support/images';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { freshS3, testS3Endpoint } from '../support/s3';
import { startServer } from '../support/startServer';

// On PostgreSQL and a real S3 when the machine has them (CI does): the table and the blobs go the production way.
const collab = new CollabTeam();
const s3Endpoint = testS3Endpoint();
const s3 = s3Endpoint ? freshS3(s3Endpoint) : undefined;
let dropSchema: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const pgUrl = testPostgresUrl();
  const pg = pgUrl ? await freshPostgresSchema(pgUrl) : undefined;
  dropSchema = pg?.drop;
  collab.server = await startServer({ env: { ...s3?.env, ...(pg ? { DATABASE_URL: pg.url } : {}) } });
  collab.team = await teamWithEveryRole(collab.server.url);
}, 60_000);
afterAll(async () => {
  for (const c of collab.clients) c.close();
  await collab.server?.stop();
  await s3?.drop();
  await dropSchema?.();
});
const run = promisify(execFile);
const schema = getSchema(editorExtensions);

/** Sends a picture as the browser's form does: the file in "image", then the description or the decoration box. */
async function upload(
  client: TestClient,
  documentId: string,
  file: { bytes: Buffer; name: string; type: string },
  fields: Record<string, string> = { alt: 'A bench under the apple tree' },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('image', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(`${collab.server.url}/api/documents/${documentId}/images`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const get = (client: TestClient, url: string) =>
  fetch(collab.server.url + url, { headers: client.cookie ? { cookie: client.cookie } : {} });

let png: Buffer;
let webp: Buffer;
let documentId: string;
let outsider: TestClient;
beforeAll(async () => {
  png = ffmpegImage('120x80', 'png', 'green');
  webp = ffmpegImage('64x48', 'webp', 'blue');
  documentId = (await newDocument(collab.team.people.expert, collab.team.workspaceId, 'Our garden')).id;
  outsider = (await signedUp(collab.server.url, 'Not a member')).client;
}, 60_000);

describe('uploading a picture into a document', () => {
  it('keeps a PNG with its description under the document, and gives members its bytes', async () => {
    const { team, server } = collab;
    const res = await upload(team.people.expert, documentId, { bytes: png, name: 'bench.png', type: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      imageId: expect.any(String),
      url: `/api/documents/${documentId}/images/${res.body.imageId}`,
      width: 120,
      height: 80,
      contentType: 'image/png',
      size: png.length,
    });
    const stored = await server.chorus.services.db
      .selectFrom('document_images')
      .selectAll()
      .where('id', '=', res.body.imageId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      document_id: documentId,
      workspace_id: team.workspaceId,
      uploaded_by: team.ids.expert,
      content_type: 'image/png',
      width: 120,
      height: 80,
      blob_key: documentImageKey(team.workspaceId, documentId, res.body.imageId),
    });
    expect(Number(stored.size_bytes)).toBe(png.length);
    expect((await server.chorus.services.blobs.head(stored.blob_key))?.size).toBe(png.length);
    expect(server.chorus.services.blobs.kind).toBe(s3 ? 's3' : 'disk');

    // Any member who may see the document gets the picture: a carer too.
    const file = await get(team.people.carer, res.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  });

  it('reads the kind from the bytes: a WebP named .jpg is a WebP; text named .png is refused (415)', async () => {
    const { team } = collab;
    const asWebp = await upload(team.people.editor, documentId, { bytes: webp, name: 'pond.jpg', type: 'image/jpeg' });
    expect(asWebp.status).toBe(201);
    expect(asWebp.body).toMatchObject({ contentType: 'image/webp', width: 64, height: 48 });
    expect((await get(team.people.editor, asWebp.body.url)).headers.get('content-type')).toBe('image/webp');

    const text = Buffer.from('Minutes of the carers’ group, 3 March.\n'.repeat(20));
    const refused = await upload(team.people.editor, documentId, { bytes: text, name: 'photo.png', type: 'image/png' });
    expect(refused.status).toBe(415);
    expect(refused.body.error).toMatchObject({
      code: 'unsupported_media_type',
      message: 'This file is not an image we can use. Choose a PNG, JPEG or WebP image.',
    });
    // A GIF is a picture, but not one of ours.
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(
      (await upload(team.people.editor, documentId, { bytes: gif, name: 'a.gif', type: 'image/gif' })).status,
    ).toBe(415);
  });

  it('refuses a picture over 10 MB (413) and a form that is not a file upload (415)', async () => {
    const { team } = collab;
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(team.people.expert, documentId, { bytes: big, name: 'huge.png', type: 'image/png' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe(
      'This image is larger than the 10 MB limit. Save a smaller file and upload it again.',
    );
    const json = await team.people.expert.post(`/api/documents/${documentId}/images`, {});
    expect(json.status).toBe(415);
    expect(json.body.error.message).toBe(
      'Send the image as a multipart/form-data upload, with the file in the field "image".',
    );
  });

  it('keeps a picture only with a description or marked as decoration (400 otherwise)', async () => {
    const { team, server } = collab;
    const count = async () =>
      (await server.chorus.services.db.selectFrom('document_images').select('id').execute()).length;
    const before = await count();
    const bare = await upload(team.people.expert, documentId, { bytes: png, name: 'a.png', type: 'image/png' }, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([
      { path: 'alt', message: 'Describe the image, or tick “This image is only decoration”.' },
    ]);
    const blank = await upload(
      team.people.expert,
      documentId,
      { bytes: png, name: 'a.png', type: 'image/png' },
      {
        alt: '   ',
      },
    );
    expect(blank.status).toBe(400);
    expect(await count()).toBe(before);

    const decoration = await upload(
      team.people.expert,
      documentId,
      { bytes: png, name: 'border.png', type: 'image/png' },
      { decorative: 'true' },
    );
    expect(decoration.status).toBe(201);
  });

  it('answers outsiders 404 and members who may not edit 403, and never mixes documents up', async () => {
    const { team } = collab;
    const file = { bytes: png, name: 'a.png', type: 'image/png' };
    const mine = await upload(team.people.expert, documentId, file);
    expect(mine.status).toBe(201);

    const byOutsider = await upload(outsider, documentId, file);
    expect(byOutsider.status).toBe(404);
    expect((await get(outsider, mine.body.url)).status).toBe(404);

    // Carers may not edit this document (the default): they suggest instead.
    const byCarer = await upload(team.people.carer, documentId, file);
    expect(byCarer.status).toBe(403);
    expect(byCarer.body.error.code).toBe('forbidden');

    // The picture's id under another document of the same workspace finds nothing.
    const other = await newDocument(team.people.expert, team.workspaceId, 'Another');
    expect((await get(team.people.expert, `/api/documents/${other.id}/images/${mine.body.imageId}`)).status).toBe(404);
    expect((await get(team.people.expert, `/api/documents/${documentId}/images/not-an-id`)).status).toBe(400);
  });
});

describe('pictures in the shared text', () => {
  const pmDoc = (doc: CollabDoc) => yXmlFragmentToProseMirrorRootNode(doc.body, schema);
  /** Changes the shared document as the browser editor does: a ProseMirror transaction written into Yjs by y-tiptap. */
  function change(doc: CollabDoc, make: (state: EditorState) => Transaction): void {
    const state = EditorState.create({ schema, doc: pmDoc(doc) });
    const next = state.apply(make(state));
    doc.ydoc.transact(() => updateYFragment(doc.ydoc, doc.body, next.doc, { mapping: new Map(), isOMark: new Map() }));
  }
  const addImage = (doc: CollabDoc, attrs: Partial<DocumentImageAttributes>) =>
    change(doc, (s) => s.tr.insert(s.doc.content.size, schema.nodes.image!.create(attrs)));
  const logRows = (id: string) =>
    collab.server.chorus.services.db
      .selectFrom('document_updates')
      .select('seq')
      .where('document_id', '=', id)
      .execute();

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-doc-images-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function exported(format: 'docx' | 'pdf', id: string): Promise<string> {
    const { people } = collab.team;
    const started = await people.carer.post(`/api/documents/${id}/exports`, { format });
    expect(started.status).toBe(202);
    const body = await eventually(
      async () => {
        const res = await people.carer.get(`/api/exports/${started.body.id}`);
        return ['ready', 'failed'].includes(res.body.status) && res.body;
      },
      30_000,
      'the export to finish',
    );
    expect(body).toMatchObject({ status: 'ready' });
    const file = path.join(dir, `${id}.${format}`);
    await writeFile(file, Buffer.from(await (await get(people.carer, body.url)).arrayBuffer()));
    return file;
  }

  it('reaches everyone live, and exports with its alt text: DOCX read by pandoc, PDF still tagged', async () => {
    const { team } = collab;
    const doc = await newDocument(team.people.expert, team.workspaceId, 'The garden');
    const picture = await upload(team.people.expert, doc.id, { bytes: png, name: 'bench.png', type: 'image/png' });
    const expert = await (await collab.open('expert')).join(doc.id);
    const carer = await (await collab.open('carer')).join(doc.id);
    expert.type('Where we meet in summer.');
    addImage(expert, {
      imageId: picture.body.imageId,
      src: picture.body.url,
      alt: 'A bench under the apple tree',
      width: 120,
      height: 80,
    });
    await eventually(() => JSON.stringify(pmDoc(carer).toJSON()).includes('A bench under the apple tree'));

    const docx = await exported('docx', doc.id);
    const md = (await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docx])).stdout;
    expect(md).toContain('Where we meet in summer.');
    expect(md).toMatch(/!\[A bench under the apple tree\]\(media\/image1\.png/);

    const pdf = await exported('pdf', doc.id);
    expect((await run('pdfinfo', [pdf])).stdout).toMatch(/^Tagged:\s+yes$/m);
    const images = (await run('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*\d+\s+0\s+image\s+120\s+80\b/);
  }, 90_000);

  it('refuses a picture added, or its description changed, by someone who may only suggest', async () => {
    const { team } = collab;
    const doc = await newDocument(team.people.expert, team.workspaceId, 'Suggest only');
    const picture = await upload(team.people.expert, doc.id, { bytes: png, name: 'bench.png', type: 'image/png' });
    const expert = await (await collab.open('expert')).join(doc.id);
    const carerClient = await collab.open('carer');
    const carer = await carerClient.join(doc.id);
    expert.type('Our summer.');
    addImage(expert, { imageId: picture.body.imageId, src: picture.body.url, alt: 'A bench' });
    await eventually(() => JSON.stringify(pmDoc(carer).toJSON()).includes('A bench'));
    await eventually(async () => (await logRows(doc.id)).length >= 2);
    const rows = (await logRows(doc.id)).length;

    // A picture cannot carry a suggestion mark, so a suggest-only member's picture would be accepted text: refused.
    addImage(carer, { imageId: picture.body.imageId, src: picture.body.url, alt: 'Another bench' });
    await carerClient.nextError((e) => e.docId === doc.id && e.error.code === 'forbidden');
    carerClient.errors.length = 0;
    change(carer, (s) => {
      let pos = -1;
      s.doc.descendants((n, p) => {
        if (pos < 0 && n.type.name === 'image') pos = p;
      });
      return s.tr.setNodeAttribute(pos, 'alt', 'A broken bench');
    });
    await carerClient.nextError((e) => e.docId === doc.id && e.error.code === 'forbidden');
    await new Promise((r) => setTimeout(r, 100));
    expect(await logRows(doc.id)).toHaveLength(rows);
    expect(JSON.stringify(pmDoc(expert).toJSON())).not.toMatch(/Another bench|A broken bench/);
  }, 60_000);
});
