import { useState, type ReactNode } from 'react';
import { signoffNoteMax, type Signoff, type SignoffBody } from '../../../../../shared/contracts/signoffs';
import { Button } from '../../../components/Button';
import { focusWhenShown } from '../../../components/focusWhenShown';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAction } from '../../../components/useAction';
import { whenWords } from '../../clips/clipWords';
import { NoteForm } from '../../clips/NoteForm';

interface SignoffDecisionProps {
  /** Prefix of the ids of the answer, the note and the "Ask for a change" button ("your-parts"). */
  idPrefix: string;
  /** The person's answer so far, if any. */
  signoff: Signoff | null;
  send(body: SignoffBody): Promise<unknown>;
  /** What is said once the person has answered, for each answer. */
  thanks: { approved: string; changesRequested: string };
  /** Under the note's box: who reads it and what to say. */
  noteHint: string;
  answerClassName?: string;
  noteClassName?: string;
  onDecided(): void;
  /** Shown between the answer so far and the buttons (their note, why it was published anyway). */
  children?: ReactNode;
}

/**
 * Someone heard or quoted answers: "These are fine", or "Ask for a change" with a note saying what. Used for an
 * episode's parts and an edition's quotes alike. Plain words (docs/words.md): no "approve", no "render".
 */
export function SignoffDecision({
  idPrefix,
  signoff,
  send,
  thanks,
  noteHint,
  answerClassName,
  noteClassName,
  onDecided,
  children,
}: SignoffDecisionProps) {
  const { busy, problem, run } = useAction();
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState('');

  const decide = async (body: SignoffBody) => {
    setSaid('');
    if (!(await run(() => send(body)))) return;
    setAsking(false);
    setSaid(body.decision === 'approved' ? thanks.approved : thanks.changesRequested);
    onDecided();
    // The button pressed may be gone now: focus goes to the answer, read out as it changes.
    focusWhenShown(`${idPrefix}-answer`);
  };

  return (
    <>
      <p className={answerClassName} id={`${idPrefix}-answer`} tabIndex={-1}>
        {signoff?.state === 'approved' ? (
          <strong>You said these are fine{signoff.at ? ` on ${whenWords(signoff.at)}` : ''}.</strong>
        ) : signoff?.state === 'changes_requested' ? (
          <strong>You asked for a change{signoff.at ? ` on ${whenWords(signoff.at)}` : ''}.</strong>
        ) : (
          <strong>You have not answered yet.</strong>
        )}
      </p>
      {children}
      <div className="visually-hidden">
        <StatusMessage>{said}</StatusMessage>
      </div>
      <ProblemAlert problem={problem} />
      {asking ? (
        <NoteForm
          id={`${idPrefix}-note`}
          className={noteClassName}
          label="What would you like changed?"
          hint={noteHint}
          whenEmpty="Say what you would like changed"
          max={signoffNoteMax}
          submitLabel="Send your request"
          busy={busy}
          onSend={(note) => void decide({ decision: 'changes_requested', note })}
          onCancel={() => {
            setAsking(false);
            focusWhenShown(`${idPrefix}-ask`);
          }}
        />
      ) : (
        <div className="button-group">
          {signoff?.state !== 'approved' ? (
            <Button busy={busy} onClick={() => void decide({ decision: 'approved' })}>
              These are fine
            </Button>
          ) : null}
          <Button id={`${idPrefix}-ask`} variant="secondary" onClick={() => setAsking(true)}>
            Ask for a change
          </Button>
        </div>
      )}
    </>
  );
}
