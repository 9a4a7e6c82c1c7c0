import { useState } from 'react';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { Button } from '../../components/Button';
import { toApiError } from '../../api/ApiError';
import { focusWhenShown } from '../../components/focusWhenShown';
import { helpPath } from '../help/helpTopics';
import { getWelcome, setWelcomeSeen } from './welcomeApi';

interface WelcomeProps {
  workspaceId: string;
  workspaceName: string;
  /** Where focus goes once the welcome is put away (the "Record a story" link below it). */
  afterId: string;
}

/**
 * The carers' first-visit welcome, at the top of the workspace page: what they can do, and that nothing they
 * record is used without their say. A region of the page (not a dialog): nothing is blocked while it shows.
 * "Got it" puts it away for good, on the server, so it does not come back on another device.
 */
export function WelcomePanel({ workspaceId, workspaceName, afterId }: WelcomeProps) {
  const [welcome] = useResource('me', getWelcome);
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Shown only once the server says it has not been put away: never flashes up for someone who has.
  if (welcome.status !== 'ready' || welcome.data.seen || hidden) return null;

  const gotIt = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await setWelcomeSeen(true);
      setHidden(true);
      focusWhenShown(afterId);
    } catch (e) {
      setProblem(`${toApiError(e).message} Press “Got it” again to try once more.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      {/* Focusable, so a link or a screen reader can move straight to it; the page heading keeps first focus. */}
      <h2 className="heading-l" id="welcome-heading" tabIndex={-1}>
        Welcome to {workspaceName}
      </h2>
      <p className="lead">
        Here you can tell your story in your own voice, and help make a podcast and a written report.
      </p>
      <ul className="help-list">
        <li>Record your story, as long or as short as you like. You can listen back before you send it.</li>
        <li>Listen to other people’s recordings, and leave comments.</li>
        <li>Read and correct the written words of your recordings.</li>
      </ul>
      <p className="welcome__promise">
        <strong>Nothing you record is used without your say.</strong> You choose what each recording may be used for,
        and you can change your mind at any time.
      </p>
      <div className="welcome__actions">
        <Link className="record-link" href={`/w/${encodeURIComponent(workspaceId)}/record`}>
          <span className="record-link__dot" aria-hidden="true" />
          Record a story
        </Link>
        <Link href={helpPath('carers')}>Read how Chorus works for carers</Link>
        <Button variant="secondary" busy={busy} onClick={() => void gotIt()}>
          Got it
        </Button>
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
