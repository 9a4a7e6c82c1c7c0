import { useRef, useState } from 'react';
import type { Comment, CommentThread } from '../../../../shared/contracts/clips';
import { toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { setResolved } from './clipsApi';
import { clockTime } from './clipWords';
import { ReplyForm } from './ReplyForm';
import { VoiceCommentPlayer } from '../voiceComments/VoiceCommentPlayer';
import { VoiceRecorder } from '../voiceComments/VoiceRecorder';
import { ResolvedBy, ThreadHead, WhoSaid } from './ThreadParts';

interface ThreadProps {
  clipId: string;
  workspaceId: string;
  thread: CommentThread;
  number: number;
  myId: string;
  canComment: boolean;
  /** Null when there is nothing to play (not processed yet, or withdrawn). */
  onSeek: ((seconds: number) => void) | null;
  onChanged(comment: Comment): void;
}

function timeWords(thread: CommentThread): string {
  const at = clockTime(thread.atSeconds ?? 0);
  return thread.endSeconds !== null ? `${at} to ${clockTime(thread.endSeconds)}` : at;
}

/** One thread: its time (a button that goes there), who said what, replies, and resolve or reopen. */
export function CommentThreadView({
  clipId,
  workspaceId,
  thread,
  number,
  myId,
  canComment,
  onSeek,
  onChanged,
}: ThreadProps) {
  const [replying, setReplying] = useState<false | 'write' | 'record'>(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const resolved = thread.resolvedAt !== null;
  const time = timeWords(thread);
  const headingId = `thread-${thread.id}`;

  const toggleResolved = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await setResolved(clipId, thread.id, !resolved));
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const closeReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };

  return (
    <li className={resolved ? 'thread thread--resolved' : 'thread'}>
      <article aria-labelledby={headingId}>
        <ThreadHead number={number} headingId={headingId} level="h3" resolved={resolved}>
          <span className="visually-hidden">Comment {number}, </span>
          {onSeek ? (
            <button
              type="button"
              className="thread__time"
              onClick={() => onSeek(thread.atSeconds ?? 0)}
              aria-describedby={`${headingId}-who`}
            >
              <span className="visually-hidden">Go to </span>
              {time}
            </button>
          ) : (
            <span className="thread__time thread__time--plain">{time}</span>
          )}
        </ThreadHead>
        <WhoSaid person={thread.author} myId={myId} at={thread.createdAt} id={`${headingId}-who`} />
        <CommentBody comment={thread} workspaceId={workspaceId} />
        {thread.replies.length > 0 ? (
          <ol className="replies" aria-label={`Replies to comment ${number}`}>
            {thread.replies.map((r) => (
              <li key={r.id} className="reply">
                <WhoSaid person={r.author} myId={myId} at={r.createdAt} replied />
                <CommentBody comment={r} workspaceId={workspaceId} />
              </li>
            ))}
          </ol>
        ) : null}
        {resolved ? (
          <ResolvedBy person={thread.resolvedBy} myId={myId} at={thread.resolvedAt ?? thread.createdAt} />
        ) : null}
        {problem ? <p className="field__error">{problem}</p> : null}
        {canComment ? (
          replying === 'record' ? (
            <VoiceRecorder
              workspaceId={workspaceId}
              userId={myId}
              target={{ on: 'clipReply', clipId, parentId: thread.id }}
              noun="voice reply"
              onSent={closeReply}
              onCancel={closeReply}
            />
          ) : replying === 'write' ? (
            <ReplyForm
              clipId={clipId}
              threadId={thread.id}
              onAdded={(c) => {
                onChanged(c);
                closeReply();
              }}
              onCancel={closeReply}
              onRecordInstead={() => setReplying('record')}
            />
          ) : (
            <div className="button-group thread__actions">
              <Button variant="secondary" ref={replyButton} onClick={() => setReplying('write')}>
                Reply<span className="visually-hidden"> to comment {number}</span>
              </Button>
              <Button variant="secondary" busy={busy} onClick={() => void toggleResolved()}>
                {resolved ? 'Reopen' : 'Mark as resolved'}
                <span className="visually-hidden"> comment {number}</span>
              </Button>
            </div>
          )
        ) : null}
      </article>
    </li>
  );
}

/** A written comment's words, or a voice comment's player and words. */
function CommentBody({ comment, workspaceId }: { comment: Comment; workspaceId: string }) {
  return comment.voiceCommentId ? (
    <VoiceCommentPlayer id={comment.voiceCommentId} workspaceId={workspaceId} />
  ) : (
    <p className="thread__body">{comment.body}</p>
  );
}
