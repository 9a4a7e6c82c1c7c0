import { useState } from 'react';
import type { Clip, ReviewBody, ReviewState } from '../../../../shared/contracts/clips';
import { toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { LabelledSection } from '../../components/LabelledSection';
import { reviewClip } from './clipsApi';
import { clockTime, reviewWordsFor, whenWords } from './clipWords';
import { NoteForm } from './NoteForm';

interface ReviewPanelProps {
  clip: Clip;
  myId: string;
  /** Where playback is now: a note asking for changes is left as a comment there. */
  now(): number;
  onChanged(clip: Clip): void;
}

/** "Review: Approved by Ed on 3 December at 14:05", and for admins and editors the decisions. */
export function ReviewPanel({ clip, myId, now, onChanged }: ReviewPanelProps) {
  const [busy, setBusy] = useState<ReviewState | null>(null);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const { state, updatedBy, updatedAt } = clip.review;
  const canReview = clip.abilities.review;
  // Those who decide see their buttons' words; everyone else the plain ones ("Being checked", "Ready to use").
  const reviewWords = reviewWordsFor(!canReview);

  const decide = async (next: 'in_review' | 'approved' | 'changes_requested', note?: string) => {
    if (busy) return;
    setBusy(next);
    setProblem(null);
    setDone('');
    try {
      // One request: the decision, its note and the note's comment at the playback position land together.
      const body: ReviewBody =
        next === 'changes_requested'
          ? { state: next, note: note ?? '', atSeconds: Math.min(now(), clip.media?.durationSeconds ?? now()) }
          : { state: next };
      onChanged(await reviewClip(clip.id, body));
      setAsking(false);
      setDone(`Review: ${reviewWords[next]}`);
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

  const by = updatedBy ? (updatedBy.id === myId ? 'you' : updatedBy.name) : null;
  return (
    <LabelledSection className="panel review" headingId="review-heading" headingClass="heading-l" title="Review">
      <p className="review__state">
        <strong className={`clip-tag clip-tag--review-${state}`}>{reviewWords[state]}</strong>
        {by && updatedAt ? (
          <span className="review__who">
            {' '}
            by {by} on {whenWords(updatedAt)}
          </span>
        ) : null}
      </p>
      {state === 'changes_requested' && clip.review.note ? (
        <blockquote className="review__note">
          <p>{clip.review.note}</p>
        </blockquote>
      ) : null}
      <div className="visually-hidden">
        <StatusMessage>{done}</StatusMessage>
      </div>
      {problem ? <p className="field__error">{problem}</p> : null}
      {canReview && !asking ? (
        <div className="button-group">
          {state !== 'in_review' ? (
            <Button variant="secondary" busy={busy === 'in_review'} onClick={() => void decide('in_review')}>
              Start review
            </Button>
          ) : null}
          {state !== 'approved' && clip.status === 'ready' ? (
            <Button busy={busy === 'approved'} onClick={() => void decide('approved')}>
              Approve
            </Button>
          ) : null}
          {state !== 'changes_requested' ? (
            <Button variant="secondary" onClick={() => setAsking(true)}>
              Ask for changes
            </Button>
          ) : null}
        </div>
      ) : null}
      {canReview && !asking && clip.status !== 'ready' && state !== 'approved' ? (
        <p className="quiet">You can approve it once it has been processed and can be listened to.</p>
      ) : null}
      {canReview && asking ? (
        <NoteForm
          id="review-note"
          className="review__ask"
          label="What would you like changed?"
          hint={`Your note is added as a comment at ${clockTime(now())}, where the player is now, so the person who made it can read it and reply.`}
          whenEmpty="Say what you would like changed"
          submitLabel="Send request for changes"
          busy={busy === 'changes_requested'}
          onSend={(note) => void decide('changes_requested', note)}
          onCancel={() => setAsking(false)}
        />
      ) : null}
      {!canReview && !clip.withdrawn ? (
        <p className="quiet">Admins and editors review recordings. You will see their decision here.</p>
      ) : null}
    </LabelledSection>
  );
}
