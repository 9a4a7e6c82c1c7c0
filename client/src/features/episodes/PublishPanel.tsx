import { useState } from 'react';
import type { Episode, Show } from '../../../../shared/contracts/episodes';
import { Link } from '../../app/router';
import { Button } from '../../components/Button';
import { focusWhenShown } from '../../components/focusWhenShown';
import { useAction } from '../../components/useAction';
import { LabelledSection } from '../../components/LabelledSection';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../invites/formatDate';
import { setPublished } from './episodesApi';
import { FeedAddress } from './FeedAddress';
import { PublishWithoutSignoff } from './signoffs/PublishWithoutSignoff';

/** Publish: put the episode's newest passing render in the podcast feed, or take it out again. */
export function PublishPanel({
  episode,
  show,
  waitsFor,
  mayOverride,
  onChanged,
}: {
  episode: Episode;
  show: Show | null;
  /** Who publishing waits for to sign off their parts, in words; null when nobody. */
  waitsFor: string | null;
  /** An admin may publish anyway, giving a reason. */
  mayOverride: boolean;
  onChanged(e: Episode): void;
}) {
  const { busy, problem, run } = useAction();
  const [overriding, setOverriding] = useState(false);
  const published = episode.publishedAt !== null;

  const change = async () => {
    if (busy) return;
    await run(async () => onChanged(await setPublished(episode.id, !published)));
  };

  return (
    <LabelledSection className="panel" headingId="publish-heading" headingClass="heading-m" title="Publish">
      <p className="publish__state">
        {published ? (
          <strong>Published on {formatDate(episode.publishedAt ?? '')}.</strong>
        ) : (
          <strong>Not published.</strong>
        )}{' '}
        {published
          ? episode.needsRerender
            ? 'It is out of the podcast feed until the episode is rendered again (see the top of this page).'
            : 'It is in the podcast feed, with its newest render that passed.'
          : 'Publishing puts the newest render that passed into the podcast feed.'}
      </p>
      {!published && waitsFor ? <p className="publish__waits">{waitsFor}</p> : null}
      {episode.abilities.publish && !overriding ? (
        <div className="button-group">
          <Button variant={published ? 'warning' : 'primary'} busy={busy} onClick={change}>
            {published ? 'Take out of the feed' : 'Publish to the feed'}
          </Button>
          {!published && waitsFor && mayOverride ? (
            <Button id="publish-override" variant="secondary" onClick={() => setOverriding(true)}>
              Publish without everyone’s sign-off…
            </Button>
          ) : null}
        </div>
      ) : null}
      {overriding ? (
        <PublishWithoutSignoff
          episodeId={episode.id}
          onPublished={(e) => {
            setOverriding(false);
            onChanged(e);
          }}
          onCancel={() => {
            setOverriding(false);
            focusWhenShown('publish-override');
          }}
        />
      ) : null}
      <ProblemAlert problem={problem} />
      {show ? (
        <FeedAddress url={show.feedUrl} />
      ) : (
        <p>
          The show is not set up yet.{' '}
          <Link href={`/w/${encodeURIComponent(episode.workspaceId)}/episodes#show-heading`}>Set up the show</Link>{' '}
          before publishing.
        </p>
      )}
    </LabelledSection>
  );
}
