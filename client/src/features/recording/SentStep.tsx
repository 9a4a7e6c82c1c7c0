import type { Clip } from '../../../../shared/contracts/clips';
import { Link } from '../../app/router';
import { Button } from '../../components/Button';

/** After sending: thanks, what happens next, and where to find it. */
export function SentStep({ clip, workspaceId, onAnother }: { clip: Clip; workspaceId: string; onAnother(): void }) {
  return (
    <>
      <div className="sent-panel">
        <p className="sent-panel__title">“{clip.title}”</p>
        <p>
          It will be ready to listen to in a few minutes. Everyone in the workspace can find it in the list of
          recordings.
        </p>
      </div>
      <ul className="sent-links">
        <li>
          <Link href={`/c/${encodeURIComponent(clip.id)}`}>Listen to your recording and see comments on it</Link>
        </li>
        <li>
          <Link href={`/w/${encodeURIComponent(workspaceId)}/clips`}>See all recordings</Link>
        </li>
      </ul>
      <Button variant="secondary" className="button--big" onClick={onAnother}>
        Record another story
      </Button>
    </>
  );
}
