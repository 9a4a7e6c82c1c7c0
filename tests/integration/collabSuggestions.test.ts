import { getSchema, type JSONContent } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import {
  applySuggestion,
  revertSuggestion,
  suggestChanges,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorExtensions } from '../../shared/editor/schema';
import { CollabClient, eventually, type CollabDoc } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { startServer, type TestServer } from '../support/startServer';

const pgUrl = testPostgresUrl();
const databases: Array<'sqlite' | 'postgres'> = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const schema = getSchema(editorExtensions);

describe.each(databases)('suggestions on /collab, on %s', (database) => {
  const collab = {} as { server: TestServer; team: Team };
  const clients: CollabClient[] = [];
  let dropSchema: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    let url: string | undefined;
    if (database === 'postgres') {
      const fresh = await freshPostgresSchema(pgUrl!);
      dropSchema = fresh.drop;
      url = fresh.url;
    }
    collab.server = await startServer({ env: url ? { DATABASE_URL: url } : {} });
    collab.team = await teamWithEveryRole(collab.server.url);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await collab.server?.stop();
    await dropSchema?.();
  });
  const open = async (role: keyof Team['people']) => {
    const c = await CollabClient.open(collab.server.url, collab.team.people[role].cookie);
    clients.push(c);
    return c;
  };

  const logRows = (documentId: string) =>
    collab.server.chorus.services.db
      .selectFrom('document_updates')
      .select(['seq', 'user_id'])
      .where('document_id', '=', documentId)
      .execute();

  const pmDoc = (doc: CollabDoc): Node => yXmlFragmentToProseMirrorRootNode(doc.body, schema);

  /**
   * Changes the shared document as the browser editor does: a ProseMirror transaction, turned into suggestions by
   * the library when `suggestAs` names the new suggestion's id, then written into Yjs by y-tiptap.
   */
  function change(doc: CollabDoc, make: (state: EditorState) => Transaction, suggestAs?: string): void {
    const state = EditorState.create({ schema, doc: pmDoc(doc), plugins: [suggestChanges()] });
    const tr = make(state);
    const next = state.apply(suggestAs ? transformToSuggestionTransaction(tr, state, () => suggestAs) : tr);
    doc.ydoc.transact(() => {
      updateYFragment(doc.ydoc, doc.body, next.doc, { mapping: new Map(), isOMark: new Map() });
    });
  }

  /** Runs a library command (accept or reject) on the document. */
  function command(doc: CollabDoc, cmd: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): void {
    change(doc, (state) => {
      let made: Transaction | null = null;
      expect(cmd(state, (tr) => (made = tr))).toBe(true);
      return made!;
    });
  }

  /** Where `words` start in the document (a ProseMirror position). */
  function at(doc: CollabDoc, words: string): number {
    let found = -1;
    pmDoc(doc).descendants((node, pos) => {
      if (found < 0 && node.isText && node.text!.includes(words)) found = pos + node.text!.indexOf(words);
      return found < 0;
    });
    if (found < 0) throw new Error(`"${words}" is not in the document`);
    return found;
  }

  const plain = (doc: CollabDoc) => pmDoc(doc).textContent;

  async function content(documentId: string): Promise<JSONContent> {
    const res = await collab.team.people.admin.get(`/api/documents/${documentId}/content?format=json`);
    return res.body.json as JSONContent;
  }

  /** A document with one paragraph written by the expert, an expert and a carer in it (carers may not edit). */
  async function setUp() {
    const doc = await newDocument(collab.team.people.admin, collab.team.workspaceId);
    const expertClient = await open('expert');
    const expert = await expertClient.join(doc.id);
    expert.type('We meet every Monday at the library.');
    const carerClient = await open('carer');
    const carer = await carerClient.join(doc.id);
    await eventually(() => plain(carer) === 'We meet every Monday at the library.');
    return { id: doc.id, expert, expertClient, carer, carerClient };
  }

  describe('suggest-only members and editors', () => {
    it('tells each person whether they may edit and suggest', async () => {
      const { id, expertClient, carerClient } = await setUp();
      expect(await carerClient.rawJoin(id)).toEqual({ ok: true, canEdit: false, canSuggest: true });
      expect(await expertClient.rawJoin(id)).toEqual({ ok: true, canEdit: true, canSuggest: true });
    });

    it('acknowledges the first sync of someone who may only suggest, so their page says their work is saved', async () => {
      const { id, carerClient } = await setUp();
      // The carer's client answered the server's greeting with a step 2 that adds nothing (its message 1).
      await eventually(() => carerClient.saved.some((s) => s.docId === id && s.through === 1));
      expect(await logRows(id)).toHaveLength(1);
    });

    it('refuses a change to the accepted text from someone who may only suggest, and stores nothing', async () => {
      const { id, expert, carer, carerClient } = await setUp();
      await eventually(async () => (await logRows(id)).length === 1);
      const before = await content(id);

      change(carer, (s) => s.tr.insertText('Tuesday', at(carer, 'Monday'), at(carer, 'Monday') + 6));
      const refused = await carerClient.nextError((e) => e.docId === id && e.error.code === 'forbidden');
      expect(refused.error.message).toMatch(/not saved.*suggest changes instead/);

      expect(await logRows(id)).toHaveLength(1);
      expect(await content(id)).toEqual(before);
      await new Promise((r) => setTimeout(r, 100));
      expect(plain(expert)).toBe('We meet every Monday at the library.');
    });

    it('accepts a suggestion, relays it live, records who made it, and lets an editor accept it', async () => {
      const { id, expert, carer, carerClient } = await setUp();
      const from = at(carer, 'Monday');
      change(carer, (s) => s.tr.insertText('Tuesday', from, from + 6), 'carer-1');

      // The expert sees it live: the old word struck, the new one suggested.
      await eventually(() => plain(expert) === 'We meet every MondayTuesday at the library.');
      expect(carerClient.errors).toEqual([]);
      const list = await collab.team.people.expert.get(`/api/documents/${id}/suggestions`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({
        suggestions: [
          {
            id: 'carer-1',
            kind: 'replacement',
            inserted: 'Tuesday',
            deleted: 'Monday',
            author: { id: collab.team.ids.carer, name: 'carer person' },
            createdAt: expect.any(String),
          },
        ],
        abilities: { decide: true, suggest: true },
      });
      const rows = await logRows(id);
      expect(rows.filter((r) => r.user_id === collab.team.ids.carer)).toHaveLength(1);

      command(expert, applySuggestion('carer-1'));
      await eventually(() => plain(carer) === 'We meet every Tuesday at the library.');
      await eventually(async () => JSON.stringify(await content(id)).includes('every Tuesday at'));
      expect((await collab.team.people.carer.get(`/api/documents/${id}/suggestions`)).body).toEqual({
        suggestions: [],
        abilities: { decide: false, suggest: true },
      });
      const recorded = await collab.server.chorus.services.documentSuggestions.listForDocument(id);
      expect(recorded.map((r) => [r.suggestion_id, r.state])).toEqual([['s:carer-1', 'settled']]);
    });

    it('lets an editor reject a suggestion, which leaves the text as it was', async () => {
      const { id, expert, carer } = await setUp();
      change(carer, (s) => s.tr.insertText(' and Thursday', at(carer, ' at the')), 'carer-2');
      await eventually(() => plain(expert) === 'We meet every Monday and Thursday at the library.');
      command(expert, revertSuggestion('carer-2'));
      await eventually(() => plain(carer) === 'We meet every Monday at the library.');
      expect((await collab.team.people.expert.get(`/api/documents/${id}/suggestions`)).body.suggestions).toEqual([]);
    });

    it('lets the suggester take back their own suggestion, but not remove someone else’s', async () => {
      const { id, expert, carer, carerClient } = await setUp();
      // The expert suggests too (suggesting mode), then the carer adds one of their own.
      change(expert, (s) => s.tr.insertText(' weekly', at(expert, ' at the')), 'expert-1');
      await eventually(() => plain(carer).includes('Monday weekly at'));
      change(carer, (s) => s.tr.insertText(' (not in August)', s.doc.content.size - 1), 'carer-3');
      await eventually(() => plain(expert).endsWith('library. (not in August)'));

      // Taking back their own: allowed.
      command(carer, revertSuggestion('carer-3'));
      await eventually(() => plain(expert) === 'We meet every Monday weekly at the library.');
      expect(carerClient.errors).toEqual([]);

      // Rejecting the expert's suggestion is not theirs to do.
      const rowsBefore = (await logRows(id)).length;
      command(carer, revertSuggestion('expert-1'));
      await carerClient.nextError((e) => e.docId === id && e.error.code === 'forbidden');
      await new Promise((r) => setTimeout(r, 100));
      expect(plain(expert)).toBe('We meet every Monday weekly at the library.');
      expect(await logRows(id)).toHaveLength(rowsBefore);
      const listed = await collab.team.people.admin.get(`/api/documents/${id}/suggestions`);
      expect(listed.body.suggestions).toEqual([
        expect.objectContaining({ id: 'expert-1', author: { id: collab.team.ids.expert, name: 'expert person' } }),
      ]);
    });

    it('records the author from the sender, whatever id the suggestion carries', async () => {
      const { id, expert, carer } = await setUp();
      // The carer picks an id that looks like someone else's: it is still theirs.
      change(carer, (s) => s.tr.insertText(' Bring tea.', s.doc.content.size - 1), `by-${collab.team.ids.expert}`);
      await eventually(() => plain(expert).endsWith('Bring tea.'));
      const listed = await collab.team.people.admin.get(`/api/documents/${id}/suggestions`);
      expect(listed.body.suggestions).toEqual([
        expect.objectContaining({
          inserted: ' Bring tea.',
          author: { id: collab.team.ids.carer, name: 'carer person' },
        }),
      ]);
    });
  });
});
