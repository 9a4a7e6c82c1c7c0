import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../shared/editor/schema';
import { EDITOR_SCHEMA_VERSION } from '../../shared/editor/version';
import { renderHtml, renderJson } from '../../server/collab/render';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { collabTeam } from '../support/collabTeam';

const text = (t: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
});
const para = (...content: object[]) => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', t: string) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [para(text(t))],
});

/** A document using every block the editor offers: headings, lists, a quote, a table, marks and a link. */
const sample = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Caring at home')] },
    para(
      text('Carers told us '),
      text('what matters', [{ type: 'bold' }]),
      text(' and '),
      text('why', [{ type: 'italic' }]),
      text('.'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Findings')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text('Time off'))] },
        { type: 'listItem', content: [para(text('Being heard'))] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [
        { type: 'listItem', content: [para(text('Listen'))] },
        { type: 'listItem', content: [para(text('Act'))] },
      ],
    },
    { type: 'blockquote', content: [para(text('Nobody asked me before.'))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Theme'), cell('tableHeader', 'Carers')] },
        { type: 'tableRow', content: [cell('tableCell', 'Respite'), cell('tableCell', '12')] },
      ],
    },
    para(
      text('Read the '),
      text('full report', [
        {
          type: 'link',
          attrs: {
            href: 'https://example.org/report',
            target: '_blank',
            rel: 'noopener noreferrer nofollow',
            class: null,
            title: null,
          },
        },
      ]),
      text('.'),
    ),
  ],
};

const schema = getSchema(editorExtensions);
const sampleDoc = () => prosemirrorJSONToYDoc(schema, sample, 'default');

const collab = collabTeam();

describe('server-side rendering with the shared editor schema', () => {
  it('turns a Yjs document into the same ProseMirror JSON and into HTML', () => {
    const ydoc = sampleDoc();
    expect(renderJson(ydoc)).toEqual(schema.nodeFromJSON(sample).toJSON());
    const html = renderHtml(Y.encodeStateAsUpdate(ydoc));
    expect(html).toContain('<h1>Caring at home</h1>');
    expect(html).toContain('<strong>what matters</strong>');
    expect(html).toContain('<em>why</em>');
    expect(html).toMatch(/<ul><li><p>Time off<\/p><\/li><li><p>Being heard<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<ol[^>]*><li><p>Listen<\/p><\/li>/);
    expect(html).toContain('<blockquote><p>Nobody asked me before.</p></blockquote>');
    expect(html).toMatch(/<table[^>]*>.*<th[^>]*><p>Theme<\/p><\/th>.*<td[^>]*><p>Respite<\/p><\/td>.*<\/table>/s);
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/report"[^>]*>full report<\/a>/);
  });

  it('never changes the document it renders, and leaves out what the schema cannot hold', () => {
    const ydoc = sampleDoc();
    const body = ydoc.getXmlFragment('default');
    const stray = new Y.XmlElement('marquee');
    stray.insert(0, [new Y.XmlText('not in the schema')]);
    body.insert(1, [stray]);
    body.insert(0, [new Y.XmlText('stray top-level text')]);
    const before = Y.encodeStateAsUpdate(ydoc);
    const json = renderJson(ydoc);
    expect(JSON.stringify(json)).not.toContain('not in the schema');
    expect(JSON.stringify(json)).not.toContain('stray top-level');
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });

  it('keeps unsafe link targets out of the HTML', () => {
    const unsafe = prosemirrorJSONToYDoc(
      schema,
      { type: 'doc', content: [para(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))] },
      'default',
    );
    expect(renderHtml(unsafe)).not.toContain('javascript:');
  });

  it('serves a live document’s content to any member as JSON or HTML', async () => {
    const doc = await newDocument(collab.team.people.expert, collab.team.workspaceId);
    const writer = await CollabClient.open(collab.server.url, collab.team.people.expert.cookie);
    const d = await writer.join(doc.id);
    Y.applyUpdate(d.ydoc, Y.encodeStateAsUpdate(sampleDoc()));
    const json = await eventually(async () => {
      const res = await collab.team.people.carer.get(`/api/documents/${doc.id}/content`);
      return res.body.json?.content?.length === sample.content.length && res.body;
    });
    expect(json).toMatchObject({ id: doc.id, format: 'json', schemaVersion: EDITOR_SCHEMA_VERSION });
    expect(json.json).toEqual(schema.nodeFromJSON(sample).toJSON());
    const html = await collab.team.people.carer.get(`/api/documents/${doc.id}/content?format=html`);
    expect(html.body.format).toBe('html');
    expect(html.body.html).toContain('<h2>Findings</h2>');
    writer.close();

    // Once everyone has left, the same comes from storage.
    await eventually(
      () =>
        !collab.server.chorus.collab.registry.get(doc.id) ||
        collab.server.chorus.collab.registry.get(doc.id)!.peers.size === 0,
    );
    expect((await collab.team.people.admin.get(`/api/documents/${doc.id}/content`)).body.json).toEqual(json.json);
  });

  it('renders a new, empty document as an empty doc', async () => {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const res = await collab.team.people.admin.get(`/api/documents/${doc.id}/content?format=html`);
    expect(res.status).toBe(200);
    expect(res.body.html).toBe('');
    expect((await collab.team.people.admin.get(`/api/documents/${doc.id}/content`)).body.json).toEqual({ type: 'doc' });
  });
});
