import { useState } from 'react';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { NotFoundPage } from '../../app/NotFoundPage';
import { toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { setWelcomeSeen } from '../welcome/welcomeApi';
import { CarersHelp } from './CarersHelp';
import { EditorsHelp } from './EditorsHelp';
import { ExpertsHelp } from './ExpertsHelp';
import { helpTopics, isHelpTopic } from './helpTopics';

const bodies = { carers: CarersHelp, editors: EditorsHelp, experts: ExpertsHelp };

/** `/help/carers`, `/help/editors`, `/help/experts`: one page per role, in plain words with simple pictures. */
export function RoleHelpPage({ topic }: { topic: string }) {
  if (!isHelpTopic(topic)) return <NotFoundPage />;
  const { title } = helpTopics.find((t) => t.topic === topic)!;
  const Body = bodies[topic];
  return (
    <Page title={title} caption={<Link href="/help">Help</Link>}>
      <Body />
      {topic === 'carers' ? <ShowWelcomeAgain /> : null}
      <p className="help-others">
        <Link href="/help">All help pages</Link>
      </p>
    </Page>
  );
}

/** Brings back the carers' first-visit welcome, for someone who put it away too soon. */
function ShowWelcomeAgain() {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  if (session.status !== 'signed-in') return null;
  const bringBack = async () => {
    setBusy(true);
    try {
      await setWelcomeSeen(false);
      setSaid('The welcome will show again at the top of your project’s page.');
    } catch (e) {
      setSaid(`${toApiError(e).message} Press the button again to try once more.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="help-section" aria-labelledby="welcome-again">
      <h2 className="heading-l" id="welcome-again">
        The welcome
      </h2>
      <p>The first time you open your project, a short welcome says what you can do there. You can see it again.</p>
      <Button variant="secondary" busy={busy} onClick={() => void bringBack()}>
        Show the welcome again
      </Button>
      <StatusMessage>{said}</StatusMessage>
    </section>
  );
}
