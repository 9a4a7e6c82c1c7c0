import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useSession } from '../../app/session';
import { listWorkspaces } from '../workspaces/workspacesApi';
import { helpPath, helpTopics, topicForRole, type HelpTopic } from './helpTopics';

/**
 * `/help`: every help page, with the signed-in person's own first ("For you"), chosen by the roles they have in
 * their projects. Open to anyone: someone not yet signed in may want to know what Chorus is.
 */
export function HelpPage() {
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const [workspaces] = useResource(signedIn ? session.user.id : '', signedIn ? listWorkspaces : null);
  const mine: HelpTopic[] =
    workspaces.status === 'ready' ? [...new Set(workspaces.data.map((w) => topicForRole(w.role)))] : [];
  const forYou = helpTopics.filter((t) => mine.includes(t.topic));
  const others = helpTopics.filter((t) => !mine.includes(t.topic));

  return (
    <Page title="Help: how Chorus works">
      <p className="lead">
        Chorus is where a project team and the people with lived experience make a podcast and a written report
        together. Choose the page for what you do in your project.
      </p>
      {forYou.length > 0 ? (
        <section className="section" aria-labelledby="help-for-you">
          <h2 className="heading-l" id="help-for-you">
            For you
          </h2>
          <HelpTopicList topics={forYou} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="help-all">
        <h2 className="heading-l" id="help-all">
          {forYou.length > 0 ? 'Other help pages' : 'Help pages'}
        </h2>
        <HelpTopicList topics={others} />
      </section>
      <p>Still stuck? Ask an editor or the admin of your project: they can see what you see and help you through it.</p>
    </Page>
  );
}

function HelpTopicList({ topics }: { topics: typeof helpTopics }) {
  return (
    <ul className="card-list">
      {topics.map((t) => (
        <li className="card-list__item" key={t.topic}>
          <Link className="card-list__link" href={helpPath(t.topic)}>
            {t.title}
          </Link>
          <span className="card-list__meta">{t.about}</span>
        </li>
      ))}
    </ul>
  );
}
