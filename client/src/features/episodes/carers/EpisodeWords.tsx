import { podcastTranscriptSchema, type Render } from '../../../../../shared/contracts/episodes';
import { LoadState } from '../../../app/LoadState';
import { useResource } from '../../../app/useResource';
import { requestJson } from '../../../api/http';
import { LabelledSection } from '../../../components/LabelledSection';
import { atWords } from './carersEpisodeWords';

/**
 * What is said in the episode, written down: the transcript made with the render the carer listens to, read from
 * its Podcasting 2.0 JSON file, one paragraph per stretch of speech with who says it and when.
 */
export function EpisodeWords({ render }: { render: Render | null }) {
  const url = render?.transcript?.urls.json ?? null;
  const [transcript] = useResource(url ?? 'none', url ? () => requestJson('GET', url, podcastTranscriptSchema) : null);
  const missing = render?.transcript?.missing.length ?? 0;
  return (
    <LabelledSection
      className="panel episode-words"
      headingId="episode-words-heading"
      headingClass="heading-m"
      title="What is said"
    >
      {!url ? (
        <p>There are no written words for this episode yet.</p>
      ) : (
        <>
          <LoadState resource={transcript} loading="Loading the words…" />
          {missing > 0 ? (
            <p>Some recordings in this episode have not been written down yet, so some of what is said is not here.</p>
          ) : null}
          {transcript.status === 'ready' && transcript.data.segments.length === 0 ? (
            <p>Nothing in this episode has been written down yet.</p>
          ) : null}
          {transcript.status === 'ready' && transcript.data.segments.length > 0 ? (
            <ol className="episode-words__list" aria-label="What is said, in order">
              {transcript.data.segments.map((s, i) => (
                <li key={i}>
                  <span className="quiet">{atWords(s.startTime)}</span>{' '}
                  {s.speaker ? <strong>{s.speaker}: </strong> : null}
                  {s.body}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      )}
    </LabelledSection>
  );
}
