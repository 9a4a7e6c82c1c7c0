import { useRef, useState } from 'react';
import type { Comment, CommentThread } from '../../../../shared/contracts/clips';
import { Button } from '../../components/Button';
import { LabelledSection } from '../../components/LabelledSection';
import { StatusMessage } from '../../components/StatusMessage';
import { clockTime } from './clipWords';
import { CommentThreadView } from './CommentThreadView';
import { NewCommentForm } from './NewCommentForm';
import { VoiceRecorder } from '../voiceComments/VoiceRecorder';
import type { Player } from './useWaveform';

interface CommentsSectionProps {
  clipId: string;
  workspaceId: string;
  threads: CommentThread[];
  myId: string;
  canComment: boolean;
  duration: number | null;
  /** The player, when the recording can be played. */
  player: Player | null;
  onChanged(comment: Comment): void;
}

/** Timestamped comment threads, and "Comment at 1:12" to start one where playback is now. */
export function CommentsSection({
  clipId,
  workspaceId,
  threads,
  myId,
  canComment,
  duration,
  player,
  onChanged,
}: CommentsSectionProps) {
  const [startAt, setStartAt] = useState<number | null>(null);
  const [voice, setVoice] = useState(false);
  const [done, setDone] = useState('');
  const startButton = useRef<HTMLButtonElement>(null);
  const openCount = threads.filter((t) => t.resolvedAt === null).length;

  const begin = () => {
    player?.pause();
    setDone('');
    setStartAt(player ? player.now() : 0);
  };
  const close = () => {
    setStartAt(null);
    setVoice(false);
    requestAnimationFrame(() => startButton.current?.focus());
  };
  const seek = player
    ? (seconds: number) => {
        player.seekTo(seconds);
        player.container.current?.focus();
      }
    : null;

  return (
    <LabelledSection
      className="section comments"
      headingId="comments-heading"
      headingClass="heading-l"
      title="Comments"
    >
      <p className="quiet">
        {threads.length === 0
          ? 'No comments yet.'
          : `${threads.length} ${threads.length === 1 ? 'comment' : 'comments'}, ${openCount} open.${player ? ' Each time is a button that goes to that point in the recording.' : ''}`}
      </p>
      <StatusMessage tone="success">{done}</StatusMessage>
      {canComment && startAt === null ? (
        <Button ref={startButton} onClick={begin} className="comments__start">
          Comment at {clockTime(player?.state.time ?? 0)}
        </Button>
      ) : null}
      {canComment && startAt !== null && voice ? (
        <VoiceRecorder
          workspaceId={workspaceId}
          userId={myId}
          target={{ on: 'clip', clipId, atSeconds: startAt }}
          noun="voice comment"
          onSent={() => {
            setDone(`Your voice comment at ${clockTime(startAt)} is added.`);
            close();
          }}
          onCancel={close}
        />
      ) : null}
      {canComment && startAt !== null && !voice ? (
        <NewCommentForm
          clipId={clipId}
          atSeconds={startAt}
          duration={duration}
          onAdded={(c) => {
            onChanged(c);
            setDone(`Your comment${c.atSeconds === null ? '' : ` at ${clockTime(c.atSeconds)}`} is added.`);
            close();
          }}
          onCancel={close}
          onRecordInstead={() => setVoice(true)}
        />
      ) : null}
      {threads.length > 0 ? (
        <ol className="threads" aria-label="Comment threads">
          {threads.map((t, i) => (
            <CommentThreadView
              key={t.id}
              clipId={clipId}
              workspaceId={workspaceId}
              thread={t}
              number={i + 1}
              myId={myId}
              canComment={canComment}
              onSeek={seek}
              onChanged={onChanged}
            />
          ))}
        </ol>
      ) : null}
    </LabelledSection>
  );
}
