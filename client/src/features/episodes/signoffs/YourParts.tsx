import type { MySignoff, SignoffList } from '../../../../../shared/contracts/signoffs';
import { LabelledSection } from '../../../components/LabelledSection';
import { OverrideNote } from './OverrideNote';
import { PartsPlayer } from './PartsPlayer';
import { decideSignoff } from './signoffsApi';
import { SignoffDecision } from './SignoffDecision';

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
  if (!mine.heard) return null;
  const signoff = mine.signoff;

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
      <SignoffDecision
        idPrefix="your-parts"
        signoff={signoff}
        send={(body) => decideSignoff(episodeId, body)}
        thanks={{
          approved: 'Thank you. You said your parts are fine.',
          changesRequested: 'Thank you. Your request for a change was sent to the people making the episode.',
        }}
        noteHint="The people making the episode will read this. Say which part, and what you would like: cut, shortened, or left out."
        answerClassName="your-parts__answer"
        noteClassName="review__ask"
        onDecided={onDecided}
      >
        {signoff?.state === 'changes_requested' && signoff.note ? (
          <blockquote className="review__note">
            <p>{signoff.note}</p>
          </blockquote>
        ) : null}
        {override ? <OverrideNote override={override} /> : null}
      </SignoffDecision>
    </LabelledSection>
  );
}
