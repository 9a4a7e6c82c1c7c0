import { describe, expect, it } from 'vitest';
import { eventually } from '../support/collabClient';
import { documentThreadsWorld, eventsOf, markedRuns, plainText, selectionOf, textOf } from '../support/documentThreads';
import { testDatabaseNames } from '../support/serverOnDatabase';

/**
 * Comment threads anchored to words: the mark the server writes reaches every open copy, covers exactly the
 * chosen words through concurrent edits, and a thread whose words are deleted stays, orphaned, with its quote.
 */
describe.each(testDatabaseNames)('comment threads on passages: anchoring (%s)', (database) => {
  const world = documentThreadsWorld(database);

  it('lets a carer who may only comment anchor a thread; the mark reaches every open copy and the thread goes live to the workspace', async () => {
    const { team, open, watch, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Carers comment');
    const editor = await (await open(team.people.editor.cookie)).join(doc.id);
    const carer = await (await open(team.people.carer.cookie)).join(doc.id);
    expect(carer.canEdit).toBe(false);
    const watcher = await watch(team.people.admin);
    const changes = eventsOf(watcher, 'thread:changed');

    writer.type('We met every Tuesday in the library.');
    await eventually(() => carer.text() === writer.text() && editor.text() === writer.text());

    const res = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(carer, 'every Tuesday'),
      body: 'It was Wednesdays at first.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentId: doc.id,
      workspaceId: team.workspaceId,
      quote: 'every Tuesday',
      resolved: false,
      orphaned: false,
      createdBy: { id: team.ids.carer },
    });
    expect(res.body.comments).toMatchObject([
      { author: { id: team.ids.carer }, body: 'It was Wednesdays at first.', mentions: [] },
    ]);
    const threadId = res.body.id as string;

    for (const copy of [writer, editor, carer])
      await eventually(() => markedRuns(copy, threadId).join('') === 'every Tuesday', 5000, 'the mark in every copy');
    // The carer's own client was never allowed to write it: the server did, through the update log.
    expect(carer.client.errors).toEqual([]);
    const json = (await team.people.admin.get(`/api/documents/${doc.id}/content`)).body.json;
    expect(json.content[0].content).toEqual([
      { type: 'text', text: 'We met ' },
      { type: 'text', text: 'every Tuesday', marks: [{ type: 'comment', attrs: { threadId } }] },
      { type: 'text', text: ' in the library.' },
    ]);
    expect((await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html).toContain(
      `<span data-thread-id="${threadId}" class="comment-mark">every Tuesday</span>`,
    );

    await eventually(
      () => changes.find((e) => e.thread.id === threadId && e.change === 'created'),
      5000,
      'the thread:changed event',
    );
    const list = await team.people.expert.get(`/api/documents/${doc.id}/threads`);
    expect(list.status).toBe(200);
    expect(list.body.threads.map((t: { id: string }) => t.id)).toEqual([threadId]);
    expect(list.body.abilities).toEqual({ create: true, reply: true, resolveAny: false });
    expect((await team.people.carer.get(`/api/documents/${doc.id}/threads`)).body.abilities).toEqual({
      create: true,
      reply: true,
      resolveAny: false,
    });
    expect((await team.people.editor.get(`/api/documents/${doc.id}/threads`)).body.abilities).toEqual({
      create: true,
      reply: true,
      resolveAny: true,
    });
  });

  it('comment anchoring survives concurrent edits: the mark covers exactly the chosen words', async () => {
    const { team, open, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Concurrent');
    const other = await (await open(team.people.editor.cookie)).join(doc.id);
    const carer = await (await open(team.people.carer.cookie)).join(doc.id);
    writer.type('The quick brown fox jumps over the dog.');
    await eventually(() => carer.text() === writer.text() && other.text() === writer.text());

    // The carer chooses the words; while the request is on its way, two people type before and inside them.
    const anchor = selectionOf(carer, 'quick brown fox');
    const request = team.people.carer.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Which fox?' });
    textOf(writer).insert(0, 'Look: ');
    textOf(other).insert(10, 'red '); // after "The quick "
    const res = await request;
    expect(res.status).toBe(201);
    const threadId = res.body.id as string;

    await eventually(
      () =>
        carer.text() === writer.text() &&
        other.text() === writer.text() &&
        writer.text().includes('red') &&
        writer.text().includes('Look'),
    );
    for (const copy of [writer, other, carer]) {
      await eventually(
        () => markedRuns(copy, threadId).join('') === 'quick red brown fox',
        5000,
        `the mark on exactly "quick red brown fox" (got ${JSON.stringify(markedRuns(copy, threadId))})`,
      );
      expect(plainText(textOf(copy))).toContain('Look: The ');
    }

    // Edits after the thread exists: the mark follows its words.
    textOf(writer).insert(0, 'Now. ');
    textOf(other).insert(plainText(textOf(other)).indexOf(' jumps') + 6, ' high');
    await eventually(
      () =>
        writer.text() === other.text() &&
        writer.text() === carer.text() &&
        plainText(textOf(writer)).includes('Now. ') &&
        plainText(textOf(writer)).includes('high'),
    );
    for (const copy of [writer, other, carer]) expect(markedRuns(copy, threadId).join('')).toBe('quick red brown fox');
    const list = await team.people.admin.get(`/api/documents/${doc.id}/threads`);
    expect(list.body.threads).toMatchObject([
      { id: threadId, quote: expect.stringMatching(/^quick (red )?brown fox$/), orphaned: false },
    ]);

    // A selection taken before others' edits reached the server still names the same words.
    const stale = selectionOf(carer, 'over the dog');
    textOf(writer).insert(plainText(textOf(writer)).indexOf('the dog') + 4, 'lazy ');
    textOf(other).insert(plainText(textOf(other)).indexOf(' over'), ' right');
    await eventually(async () => {
      const html = (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html as string;
      return html.includes('lazy') && html.includes('right');
    });
    const late = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: stale,
      body: 'Which dog?',
    });
    expect(late.status).toBe(201);
    expect(late.body.quote).toBe('over the lazy dog');
    for (const copy of [writer, other, carer])
      await eventually(() => markedRuns(copy, late.body.id).join('') === 'over the lazy dog', 5000, 'the second mark');
  });

  it('keeps the thread of deleted words as orphaned, with its quote, after the anchored ones', async () => {
    const { server, team, clients, open, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Orphans');
    writer.type('Keep this sentence. Remove this one.');
    const watcher = await (await open(team.people.carer.cookie)).join(doc.id);
    await eventually(() => watcher.text() === writer.text());

    const gone = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(watcher, 'Remove this one.'),
      body: 'Please cut this.',
    });
    const kept = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'Keep this'),
      body: 'Good.',
    });
    expect([gone.status, kept.status]).toEqual([201, 201]);
    await eventually(() => markedRuns(writer, gone.body.id).length > 0 && markedRuns(writer, kept.body.id).length > 0);

    let list = await team.people.carer.get(`/api/documents/${doc.id}/threads`);
    // Document order: "Keep this" comes first although it was made second.
    expect(list.body.threads.map((t: { id: string }) => t.id)).toEqual([kept.body.id, gone.body.id]);

    const text = textOf(writer);
    const at = plainText(text).indexOf(' Remove this one.');
    text.delete(at, ' Remove this one.'.length);
    await eventually(() => !watcher.text().includes('Remove'));
    list = await team.people.carer.get(`/api/documents/${doc.id}/threads`);
    expect(list.body.threads).toMatchObject([
      { id: kept.body.id, orphaned: false },
      { id: gone.body.id, orphaned: true, quote: 'Remove this one.', comments: [{ body: 'Please cut this.' }] },
    ]);

    // Once nobody has it open it is read from storage: still orphaned, still listed.
    for (const c of clients) if (c.docs.has(doc.id)) c.leave(doc.id);
    await eventually(
      () => server.chorus.collab.registry.get(doc.id) === undefined,
      5000,
      'the document to leave memory',
    );
    list = await team.people.admin.get(`/api/documents/${doc.id}/threads`);
    expect(list.body.threads.map((t: { id: string; orphaned: boolean }) => [t.id, t.orphaned])).toEqual([
      [kept.body.id, false],
      [gone.body.id, true],
    ]);
  });
});
