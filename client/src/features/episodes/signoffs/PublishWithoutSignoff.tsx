import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import { formText } from '../../../components/formText';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SubmitOrCancel } from '../../../components/SubmitOrCancel';
import { useAction } from '../../../components/useAction';
import { TextArea } from '../../clips/TextArea';
import { publishWithoutSignoff } from './signoffsApi';

/** For admins: publish before everyone heard has signed off, saying why (kept in the record, shown on the episode). */
export function PublishWithoutSignoff({
  episodeId,
  onPublished,
  onCancel,
}: {
  episodeId: string;
  onPublished(e: Episode): void;
  onCancel(): void;
}) {
  const { busy, problem, run } = useAction();
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = formText(event.currentTarget, 'reason').trim();
    if (reason === '') {
      setError('Say why the episode is published before everyone has signed off');
      box.current?.focus();
      return;
    }
    setError(undefined);
    await run(async () => onPublished(await publishWithoutSignoff(episodeId, reason)));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="publish__override">
      <TextArea
        id="publish-override-reason"
        name="reason"
        label="Why publish before everyone has signed off?"
        hint="Your reason is kept in the project’s record and shown on this episode, beside who has not signed off."
        ref={box}
        error={error}
        maxLength={1000}
        rows={3}
      />
      <SubmitOrCancel busy={busy} onCancel={onCancel}>
        Publish without everyone’s sign-off
      </SubmitOrCancel>
      <ProblemAlert problem={problem} />
    </form>
  );
}
