import { useRef, useState } from 'react';
import type { DocumentThread, ThreadComment, ThreadPerson } from '../../../../../shared/contracts/documentThreads';
import { toApiError } from '../../../api/ApiError';
import { Button } from '../../../components/Button';
import { ResolvedBy, ThreadHead, WhoSaid } from '../../clips/ThreadParts';
import { VoiceCommentPlayer } from '../../voiceComments/VoiceCommentPlayer';
import { VoiceRecorder } from '../../voiceComments/VoiceRecorder';
import { CommentBox } from './CommentBox';
import { bodyParts } from './mentions';
import { replyToThread, setThreadResolved } from './threadsApi';

interface ThreadViewProps {
  thread: DocumentThread;
  workspaceId: string;
  number: number;
  myId: string;
  people: ThreadPerson[];
  canReply: boolean;
  canResolve: boolean;
  orphaned: boolean;
  active: boolean;
  /** Shows the passage in the text; null when its words are gone. */
  onShow: ((thread: DocumentThread) => void) | null;
  onChanged(thread: DocumentThread): void;
  announce(message: string): void;
}

function CommentText({ comment, workspaceId }: { comment: ThreadComment; workspaceId: string }) {
  if (comment.voiceCommentId) return <VoiceCommentPlayer id={comment.voiceCommentId} workspaceId={workspaceId} />;
  return (
    <p className="thread__body">
      {bodyParts(comment.body, comment.mentions).map((part, i) =>
        part.mention ? (
          <strong key={i} className="mention">
            {part.text}
          </strong>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** One thread: the words it is about (a button that shows them in the text), who said what, replies, resolve or reopen. */
export function ThreadView({
  thread,
  workspaceId,
  number,
  myId,
  people,
  canReply,
  canResolve,
  orphaned,
  active,
  onShow,
  onChanged,
  announce,
}: ThreadViewProps) {
  const [replying, setReplying] = useState<false | 'write' | 'record'>(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);
  const headingId = `passage-thread-${thread.id}`;
  const [first, ...replies] = thread.comments;

  const toggleResolved = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const updated = await setThreadResolved(thread.id, !thread.resolved);
      onChanged(updated);
      announce(updated.resolved ? `Comment ${number} marked as resolved.` : `Comment ${number} is open again.`);
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
      // The thread moves between "Open" and "Resolved", so its buttons are new ones: find them again.
      requestAnimationFrame(() => {
        const moved = document.querySelector<HTMLElement>(
          `.passage-threads li[data-thread-id="${CSS.escape(thread.id)}"] .thread__actions button:last-child`,
        );
        (moved ?? resolveButton.current)?.focus();
      });
    }
  };

  const closeReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };

  const classes = [
    'thread',
    'passage-thread',
    thread.resolved ? 'thread--resolved' : '',
    orphaned ? 'passage-thread--orphaned' : '',
    active ? 'passage-thread--active' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes} data-thread-id={thread.id}>
      <article aria-labelledby={headingId}>
        <ThreadHead number={number} headingId={headingId} level="h4" resolved={thread.resolved}>
          <span className="visually-hidden">Comment {number} on </span>
          {onShow ? (
            <button type="button" className="passage-thread__quote" onClick={() => onShow(thread)}>
              <span className="visually-hidden">Show in the text: </span>“{thread.quote}”
            </button>
          ) : (
            <span className="passage-thread__quote passage-thread__quote--gone">“{thread.quote}”</span>
          )}
        </ThreadHead>
        {orphaned ? (
          <p className="quiet passage-thread__gone">
            These words have been deleted from the document. The comments are kept.
          </p>
        ) : null}
        {first ? (
          <>
            <WhoSaid person={first.author} myId={myId} at={first.createdAt} />
            <CommentText comment={first} workspaceId={workspaceId} />
          </>
        ) : null}
        {replies.length > 0 ? (
          <ol className="replies" aria-label={`Replies to comment ${number}`}>
            {replies.map((r) => (
              <li key={r.id} className="reply">
                <WhoSaid person={r.author} myId={myId} at={r.createdAt} replied />
                <CommentText comment={r} workspaceId={workspaceId} />
              </li>
            ))}
          </ol>
        ) : null}
        {thread.resolved ? (
          <ResolvedBy person={thread.resolvedBy} myId={myId} at={thread.resolvedAt ?? thread.createdAt} />
        ) : null}
        {problem ? <p className="field__error">{problem}</p> : null}
        {replying === 'record' ? (
          <VoiceRecorder
            workspaceId={workspaceId}
            userId={myId}
            target={{ on: 'threadReply', threadId: thread.id }}
            noun="voice reply"
            onSent={() => {
              announce(`Your voice reply to comment ${number} was sent.`);
              closeReply();
            }}
            onCancel={closeReply}
          />
        ) : replying === 'write' ? (
          <>
            <CommentBox
              id={`reply-${thread.id}`}
              label="Your reply"
              submitLabel="Send reply"
              emptyMessage="Write your reply first."
              people={people}
              onSubmit={async (body, mentions) => {
                onChanged(await replyToThread(thread.id, { body, mentions }));
                announce(`Your reply to comment ${number} was sent.`);
                closeReply();
              }}
              onCancel={closeReply}
            />
            <Button variant="secondary" className="record-instead" onClick={() => setReplying('record')}>
              Record a voice reply instead
            </Button>
          </>
        ) : canReply || canResolve ? (
          <div className="button-group thread__actions">
            {canReply ? (
              <Button variant="secondary" ref={replyButton} onClick={() => setReplying('write')}>
                Reply<span className="visually-hidden"> to comment {number}</span>
              </Button>
            ) : null}
            {canResolve ? (
              <Button variant="secondary" ref={resolveButton} busy={busy} onClick={() => void toggleResolved()}>
                {thread.resolved ? 'Reopen' : 'Mark as resolved'}
                <span className="visually-hidden"> comment {number}</span>
              </Button>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
