import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentThread, ThreadPerson } from '../../../../../shared/contracts/documentThreads';
import type { DocumentThreadEvent } from '../../../../../shared/realtime/events';
import { listMembers } from '../../members/membersApi';
import { cspNonce } from '../../../app/cspNonce';
import { Link } from '../../../app/router';
import { Button } from '../../../components/Button';
import { StatusMessage } from '../../../components/StatusMessage';
import { VoiceRecorder } from '../../voiceComments/VoiceRecorder';
import { CommentBox } from './CommentBox';
import { passagesIn, samePassages } from './passages';
import { selectedText, selectionAnchor, type TextSelection } from './selectionAnchor';
import { groupThreads } from './threadGroups';
import { startThread } from './threadsApi';
import { ThreadView } from './ThreadView';
import { useDocumentThreads } from './useDocumentThreads';

interface ThreadsPanelProps {
  editor: Editor;
  documentId: string;
  workspaceId: string;
  me: ThreadPerson;
  /** Shown under the heading, before the threads (the document's suggested changes). */
  children?: ReactNode;
}

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const changeWords: Record<DocumentThreadEvent['change'], string> = {
  created: 'commented on',
  replied: 'replied about',
  resolved: 'resolved the comment on',
  reopened: 'reopened the comment on',
};

/**
 * Comments on passages, beside the text: "Comment" for the selected words (for everyone who may
 * comment, also where they may not edit), then the threads in the order of the text (open, resolved,
 * and those whose words were deleted), kept live for everyone.
 */
export function ThreadsPanel({ editor, documentId, workspaceId, me, children }: ThreadsPanelProps) {
  const [message, setMessage] = useState('');
  const announce = (text: string) => setMessage(text);
  const live = useDocumentThreads(documentId, workspaceId, (event) => {
    const actor =
      event.change === 'resolved' || event.change === 'reopened'
        ? event.thread.resolvedBy
        : event.thread.comments.at(-1)?.author;
    // A comment that mentions me is announced as a mention instead.
    if (
      (event.change === 'created' || event.change === 'replied') &&
      event.thread.comments.at(-1)?.mentions.some((p) => p.id === me.id)
    )
      return;
    if (event.change === 'reopened' || (actor && actor.id !== me.id)) {
      announce(
        `${actor && event.change !== 'reopened' ? actor.name : 'Someone'} ${changeWords[event.change]} “${short(event.thread.quote)}”.`,
      );
    }
  });
  const [people, setPeople] = useState<ThreadPerson[]>([]);
  // Words may be chosen before this panel has loaded (it is loaded lazily, after the text): start from them.
  const [selection, setSelection] = useState<TextSelection | null>(() => selectedText(editor));
  const [draft, setDraft] = useState<{ anchor: { from: string; to: string }; quote: string } | null>(null);
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const commentButton = useRef<HTMLButtonElement>(null);
  const seenAnchored = useRef(new Set<string>());

  // Being mentioned is said aloud as well as shown.
  const mention = live.mention;
  useEffect(() => {
    if (mention) setMessage(`${mention.by.name} mentioned you in a comment: ${mention.excerpt}`);
  }, [mention]);

  useEffect(() => {
    listMembers(workspaceId).then(
      (members) => setPeople(members.filter((m) => m.userId !== me.id).map((m) => ({ id: m.userId, name: m.name }))),
      () => setPeople([]),
    );
  }, [workspaceId, me.id]);

  const passages = useEditorState({
    editor,
    selector: ({ editor: e }) => passagesIn(e.state.doc),
    equalityFn: samePassages,
  });
  for (const id of passages.keys()) seenAnchored.current.add(id);
  const groups = useMemo(() => groupThreads(live.threads, passages, seenAnchored.current), [live.threads, passages]);

  // The words chosen in the text, followed both in the editor and in the page (a text that may not be edited has no editor selection).
  useEffect(() => {
    const follow = () => setSelection(selectedText(editor));
    editor.on('selectionUpdate', follow);
    document.addEventListener('selectionchange', follow);
    follow();
    return () => {
      editor.off('selectionUpdate', follow);
      document.removeEventListener('selectionchange', follow);
    };
  }, [editor]);

  // Clicking commented words brings their thread forward.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const marked = (event.target as HTMLElement | null)?.closest?.('[data-thread-id]');
      const id = marked?.getAttribute('data-thread-id');
      if (!id) return;
      setActive(id);
      document
        .querySelector(`.passage-threads [data-thread-id="${CSS.escape(id)}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    };
    const dom = editor.view.dom;
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor]);

  /** The person chose to record their comment on the passage instead of writing it. */
  const [recordingDraft, setRecordingDraft] = useState(false);

  const begin = () => {
    const chosen = selectedText(editor) ?? selection;
    if (!chosen) {
      setDraftProblem('First select the words you want to comment on, then choose “Comment”.');
      return;
    }
    const anchor = selectionAnchor(editor, chosen);
    if (!anchor) {
      setDraftProblem('The document is still connecting. Wait until it says it is saved, then try again.');
      return;
    }
    setDraftProblem(null);
    setDraft({ anchor, quote: editor.state.doc.textBetween(chosen.from, chosen.to, ' ') });
  };

  const closeDraft = () => {
    setDraft(null);
    setRecordingDraft(false);
    requestAnimationFrame(() => commentButton.current?.focus());
  };

  const show = (thread: DocumentThread) => {
    const passage = passagesIn(editor.state.doc).get(thread.id);
    if (!passage) return;
    setActive(thread.id);
    editor.chain().setTextSelection(passage).run();
    editor.view.dom
      .querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (editor.isEditable) editor.commands.focus();
    announce(`The words “${short(thread.quote)}” are selected in the text.`);
  };

  const canResolve = (t: DocumentThread) => live.abilities.resolveAny || t.createdBy.id === me.id;
  const numbers = new Map([...groups.open, ...groups.resolved, ...groups.orphaned].map((t, i) => [t.id, i + 1]));
  const section = (title: string, id: string, threads: DocumentThread[], orphaned: boolean) =>
    threads.length === 0 ? null : (
      <section className="passage-threads__section" aria-labelledby={id}>
        <h3 className="passage-threads__heading" id={id}>
          {title} ({threads.length})
        </h3>
        <ol className="threads">
          {threads.map((t) => (
            <ThreadView
              key={t.id}
              thread={t}
              workspaceId={workspaceId}
              number={numbers.get(t.id)!}
              myId={me.id}
              people={people}
              canReply={live.abilities.reply}
              canResolve={canResolve(t)}
              orphaned={orphaned}
              active={active === t.id}
              onShow={orphaned ? null : show}
              onChanged={live.update}
              announce={announce}
            />
          ))}
        </ol>
      </section>
    );

  // Marks of resolved threads are not highlighted; the open thread being looked at stands out.
  const markStyles = [
    ...groups.resolved.map((t) => `.editor-text [data-thread-id="${t.id}"] { background: none; border-bottom: 0; }`),
    active && groups.open.some((t) => t.id === active)
      ? `.editor-text [data-thread-id="${active}"] { background: #ffd966; }`
      : '',
  ].join('\n');

  return (
    <aside className="passage-threads" aria-labelledby="passage-threads-heading">
      <style nonce={cspNonce()}>{markStyles}</style>
      <h2 className="heading-m" id="passage-threads-heading">
        Comments
      </h2>
      <StatusMessage>{message}</StatusMessage>
      {children}
      {live.mention && live.mention.commentId !== dismissed ? (
        <div className="passage-threads__mention" role="note">
          <p>
            <strong>{live.mention.by.name}</strong> mentioned you in{' '}
            {live.mention.documentId === documentId ? (
              `“${live.mention.documentTitle}”`
            ) : (
              <Link href={`/d/${encodeURIComponent(live.mention.documentId)}`}>“{live.mention.documentTitle}”</Link>
            )}
            : {live.mention.excerpt}
          </p>
          <Button variant="secondary" onClick={() => setDismissed(live.mention?.commentId ?? null)}>
            Dismiss<span className="visually-hidden"> the mention</span>
          </Button>
        </div>
      ) : null}
      {live.abilities.create && !draft ? (
        <>
          <p className="quiet">Select words in the text, then choose “Comment”.</p>
          <Button
            ref={commentButton}
            onMouseDown={(e) => e.preventDefault()}
            onClick={begin}
            aria-describedby={draftProblem ? 'passage-threads-problem' : undefined}
            className="passage-threads__start"
          >
            Comment{selection ? <span className="visually-hidden"> on the selected words</span> : null}
          </Button>
          {draftProblem ? (
            <p className="field__error" id="passage-threads-problem">
              {draftProblem}
            </p>
          ) : null}
        </>
      ) : null}
      {draft ? (
        <div className="passage-threads__draft">
          <p className="passage-threads__draft-quote">
            <span className="quiet">Your comment on</span> “{short(draft.quote, 200)}”
          </p>
          {recordingDraft ? (
            <VoiceRecorder
              workspaceId={workspaceId}
              userId={me.id}
              target={{ on: 'passage', documentId, anchor: draft.anchor }}
              noun="voice comment"
              onSent={() => {
                announce(`Your voice comment on “${short(draft.quote)}” was added.`);
                closeDraft();
              }}
              onCancel={closeDraft}
            />
          ) : (
            <>
              <CommentBox
                id="new-passage-comment"
                label="Your comment"
                submitLabel="Add comment"
                emptyMessage="Write your comment first."
                people={people}
                onSubmit={async (body, mentions) => {
                  const thread = await startThread(documentId, { anchor: draft.anchor, body, mentions });
                  live.update(thread);
                  setActive(thread.id);
                  announce(`Your comment on “${short(thread.quote)}” was added.`);
                  closeDraft();
                }}
                onCancel={closeDraft}
              />
              <Button variant="secondary" className="record-instead" onClick={() => setRecordingDraft(true)}>
                Record a voice comment instead
              </Button>
            </>
          )}
        </div>
      ) : null}
      {live.problem ? <p className="field__error">{live.problem}</p> : null}
      {!live.loading && live.threads.length === 0 ? <p className="quiet">No comments yet.</p> : null}
      {section('Open', 'passage-threads-open', groups.open, false)}
      {section('Resolved', 'passage-threads-resolved', groups.resolved, false)}
      {section('Words deleted', 'passage-threads-orphaned', groups.orphaned, true)}
    </aside>
  );
}
