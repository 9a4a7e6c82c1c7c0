import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { DocumentThread } from '../../../../../shared/contracts/documentThreads';
import { editorExtensions } from '../../../../../shared/editor/schema';
import { bodyParts, insertMention, matchingPeople, mentionQuery, stillMentioned } from './mentions';
import { passagesIn } from './passages';
import { groupThreads, withThread } from './threadGroups';

const schema = getSchema(editorExtensions);
const mark = (threadId: string) => [{ type: 'comment', attrs: { threadId } }];

function thread(id: string, over: Partial<DocumentThread> = {}): DocumentThread {
  const person = { id: 'u1', name: 'Ann' };
  return {
    id,
    documentId: 'd',
    workspaceId: 'w',
    quote: id,
    createdBy: person,
    createdAt: `2026-01-01T00:00:0${id.length}Z`,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    orphaned: false,
    comments: [
      {
        id: `${id}-c`,
        threadId: id,
        author: person,
        body: 'x',
        mentions: [],
        createdAt: '2026-01-01T00:00:00Z',
        voiceCommentId: null,
      },
    ],
    ...over,
  };
}

describe('passages', () => {
  it('finds each thread’s marked words, across paragraphs and where threads overlap', () => {
    const doc = ProseMirrorNode.fromJSON(schema, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'One ' },
            { type: 'text', text: 'two', marks: mark('a') },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'three', marks: [...mark('a'), ...mark('b')] },
            { type: 'text', text: ' four', marks: mark('b') },
          ],
        },
      ],
    });
    const found = passagesIn(doc);
    expect(doc.textBetween(found.get('a')!.from, found.get('a')!.to, '\n')).toBe('two\nthree');
    expect(doc.textBetween(found.get('b')!.from, found.get('b')!.to)).toBe('three four');
  });
});

describe('thread groups', () => {
  const passages = new Map([
    ['late', { from: 20, to: 25 }],
    ['early', { from: 3, to: 8 }],
    ['done', { from: 10, to: 12 }],
  ]);

  it('put open and resolved threads in document order and orphaned ones apart', () => {
    const threads = [
      thread('late'),
      thread('gone', { orphaned: true }),
      thread('early'),
      thread('done', { resolved: true }),
      thread('new'),
    ];
    const groups = groupThreads(threads, passages, new Set());
    expect(groups.open.map((t) => t.id)).toEqual(['early', 'late', 'new']);
    expect(groups.resolved.map((t) => t.id)).toEqual(['done']);
    expect(groups.orphaned.map((t) => t.id)).toEqual(['gone']);
  });

  it('orphan a thread whose mark this page saw go, but not one whose mark has not arrived yet', () => {
    const groups = groupThreads([thread('early'), thread('seen'), thread('new')], passages, new Set(['early', 'seen']));
    expect(groups.orphaned.map((t) => t.id)).toEqual(['seen']);
    expect(groups.open.map((t) => t.id)).toEqual(['early', 'new']);
  });

  it('take the newest version of a thread, never one with fewer comments', () => {
    const two = thread('a', { comments: [...thread('a').comments, { ...thread('a').comments[0]!, id: 'r' }] });
    expect(withThread([thread('a')], two)[0]!.comments).toHaveLength(2);
    expect(withThread([two], thread('a'))[0]!.comments).toHaveLength(2);
    expect(withThread([two], thread('b')).map((t) => t.id)).toEqual(['a', 'b']);
  });
});

describe('mentions', () => {
  const people = [
    { id: '1', name: 'Ann Carer' },
    { id: '2', name: 'Bob Editor' },
    { id: '3', name: 'Joanna' },
  ];

  it('notice an @name being typed, not an email address', () => {
    expect(mentionQuery('Hello @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail ann@example.org', 20)).toBeNull();
    expect(mentionQuery('Hello @ann and more', 19)).toBeNull();
  });

  it('offer names that start with what was typed first', () => {
    expect(matchingPeople(people, 'an').map((p) => p.id)).toEqual(['1', '3']);
    expect(matchingPeople(people, '').map((p) => p.id)).toEqual(['1', '2', '3']);
  });

  it('put the chosen name in the text and keep only mentions still there', () => {
    const at = mentionQuery('Thanks @bo', 10)!;
    expect(insertMention('Thanks @bo', at, 10, 'Bob Editor')).toEqual({ text: 'Thanks @Bob Editor ', caret: 19 });
    expect(stillMentioned('Thanks @Bob Editor and @Ann', [people[1]!, people[0]!, people[1]!])).toEqual(['2']);
  });

  it('cut a comment into text and mentions', () => {
    expect(bodyParts('Ask @Ann Carer and @Joanna.', [people[2]!, people[0]!])).toEqual([
      { text: 'Ask ' },
      { text: '@Ann Carer', mention: people[0] },
      { text: ' and ' },
      { text: '@Joanna', mention: people[2] },
      { text: '.' },
    ]);
    expect(bodyParts('No one here.', [])).toEqual([{ text: 'No one here.' }]);
  });
});
