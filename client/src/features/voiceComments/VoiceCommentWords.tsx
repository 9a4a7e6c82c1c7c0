import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { VoiceComment } from '../../../../shared/contracts/voiceComments';
import { toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { SubmitOrCancel } from '../../components/SubmitOrCancel';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { TextArea } from '../clips/TextArea';
import { writeVoiceCommentWords } from './voiceCommentsApi';

/** A voice comment's words, or "No words written down yet"; its maker may write them down or correct them. */
export function VoiceCommentWords({ voice, onChanged }: { voice: VoiceComment; onChanged(v: VoiceComment): void }) {
  const [writing, setWriting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [said, setSaid] = useState('');
  const open = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (writing) box.current?.focus();
  }, [writing]);
  const boxId = useId();
  const ready = voice.durationSeconds !== null;

  const close = () => {
    setWriting(false);
    requestAnimationFrame(() => open.current?.focus());
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await writeVoiceCommentWords(voice.id, formText(event.currentTarget, 'words').trim()));
      setSaid('The words are saved.');
      close();
    } catch (e) {
      setError(toApiError(e).fields[0]?.message ?? toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="voice-comment__words">
      {voice.transcript ? (
        <blockquote className="voice-comment__transcript">
          <p>{voice.transcript}</p>
        </blockquote>
      ) : (
        <p className="quiet">No words written down yet.</p>
      )}
      {voice.abilities.writeTranscript && ready ? (
        writing ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <TextArea
              id={boxId}
              name="words"
              label="What you said, in writing"
              hint="So people who cannot listen can read it."
              defaultValue={voice.transcript}
              error={error}
              rows={3}
              ref={box}
            />
            <SubmitOrCancel busy={busy} onCancel={close}>
              Save the words
            </SubmitOrCancel>
          </form>
        ) : (
          <Button ref={open} variant="secondary" onClick={() => setWriting(true)}>
            {voice.transcript ? 'Correct the words' : 'Write down the words'}
          </Button>
        )
      ) : null}
      <StatusMessage tone="success">{said}</StatusMessage>
    </div>
  );
}
