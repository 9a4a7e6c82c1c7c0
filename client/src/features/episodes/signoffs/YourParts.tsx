import { useState } from 'react';
import {
  signoffNoteMax,
  type MySignoff,
  type SignoffBody,
  type SignoffList,
} from '../../../../../shared/contracts/signoffs';
import { Button } from '../../../components/Button';
import { LabelledSection } from '../../../components/LabelledSection';
import { focusWhenShown } from '../../../components/focusWhenShown';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAction } from '../../../components/useAction';
import { whenWords } from '../../clips/clipWords';
import { NoteForm } from '../../clips/NoteForm';
import { OverrideNote } from './OverrideNote';
import { PartsPlayer } from './PartsPlayer';
import { decideSignoff } from './signoffsApi';

/**
 * For someone whose voice is in the episode: their parts, each with a Play button, and their answer: these are
 * fine, or a change they would like (with a note). Plain words (docs/words.md): no "render", no "approve".
 */
export function YourParts({
  episodeId,
  mine,
  override,
  onDecided,
}: {
  episodeId: string;
  mine: MySignoff;
  /** An admin published before everyone had signed off: the people heard are told too, with the reason. */
  override: SignoffList['override'];
  onDecided(): void;
}) {
  const { busy, problem, run } = useAction();
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState('');
  if (!mine.heard) return null;
  const signoff = mine.signoff;

  const decide = async (body: SignoffBody) => {
    setSaid('');
    const done = await run(() => decideSignoff(episodeId, body));
    if (!done) return;
    setAsking(false);
    setSaid(
      body.decision === 'approved'
        ? 'Thank you. You said your parts are fine.'
        : 'Thank you. Your request for a change was sent to the people making the episode.',
    );
    onDecided();
    // The button pressed may be gone now: focus goes to the answer, read out as it changes.
    focusWhenShown('your-parts-answer');
  };

  return (
    <LabelledSection
      className="panel your-parts"
      headingId="your-parts-heading"
      headingClass="heading-l"
      title="Your parts"
    >
      <p>
        Your voice is in this episode. Before it is published, please listen to your parts and tell us whether you are
        happy with them. You can listen to the whole episode too, but you do not have to.
      </p>
      {mine.audioUrl ? (
        <PartsPlayer audioUrl={mine.audioUrl} parts={mine.parts} />
      ) : (
        <p>{mine.unavailableReason ?? 'Your parts cannot be played just now.'}</p>
      )}
      <p className="your-parts__answer" id="your-parts-answer" tabIndex={-1}>
        {signoff?.state === 'approved' ? (
          <strong>You said these are fine{signoff.at ? ` on ${whenWords(signoff.at)}` : ''}.</strong>
        ) : signoff?.state === 'changes_requested' ? (
          <strong>You asked for a change{signoff.at ? ` on ${whenWords(signoff.at)}` : ''}.</strong>
        ) : (
          <strong>You have not answered yet.</strong>
        )}
      </p>
      {signoff?.state === 'changes_requested' && signoff.note ? (
        <blockquote className="review__note">
          <p>{signoff.note}</p>
        </blockquote>
      ) : null}
      {override ? <OverrideNote override={override} /> : null}
      <div className="visually-hidden">
        <StatusMessage>{said}</StatusMessage>
      </div>
      <ProblemAlert problem={problem} />
      {asking ? (
        <NoteForm
          id="your-parts-note"
          className="review__ask"
          label="What would you like changed?"
          hint="The people making the episode will read this. Say which part, and what you would like: cut, shortened, or left out."
          whenEmpty="Say what you would like changed"
          max={signoffNoteMax}
          submitLabel="Send your request"
          busy={busy}
          onSend={(note) => void decide({ decision: 'changes_requested', note })}
          onCancel={() => {
            setAsking(false);
            focusWhenShown('your-parts-ask');
          }}
        />
      ) : (
        <div className="button-group">
          {signoff?.state !== 'approved' ? (
            <Button busy={busy} onClick={() => void decide({ decision: 'approved' })}>
              These are fine
            </Button>
          ) : null}
          <Button id="your-parts-ask" variant="secondary" onClick={() => setAsking(true)}>
            Ask for a change
          </Button>
        </div>
      )}
    </LabelledSection>
  );
}
