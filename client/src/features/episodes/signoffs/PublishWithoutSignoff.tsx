import type { Episode } from '../../../../../shared/contracts/episodes';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { NoteForm } from '../../clips/NoteForm';
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
  return (
    <>
      <NoteForm
        id="publish-override-reason"
        className="publish__override"
        label="Why publish before everyone has signed off?"
        hint="Your reason is kept in the project’s record and shown on this episode, beside who has not signed off."
        whenEmpty="Say why the episode is published before everyone has signed off"
        max={1000}
        submitLabel="Publish without everyone’s sign-off"
        busy={busy}
        onSend={(reason) => void run(async () => onPublished(await publishWithoutSignoff(episodeId, reason)))}
        onCancel={onCancel}
      />
      <ProblemAlert problem={problem} />
    </>
  );
}
