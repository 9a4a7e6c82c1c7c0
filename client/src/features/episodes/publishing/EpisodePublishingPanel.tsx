import { useState } from 'react';
import type { Episode, Show } from '../../../../../shared/contracts/episodes';
import { ArtworkPicker } from './ArtworkPicker';
import { CreditsPreview } from './CreditsPreview';
import { uploadEpisodeArtwork, uploadShowArtwork } from './publishingApi';
import { ScriptDocumentSelect } from './ScriptDocumentSelect';
import { TranscriptUpload } from './TranscriptUpload';

interface EpisodePublishingPanelProps {
  episode: Episode;
  show: Show | null;
  onChanged(e: Episode): void;
}

/** What goes out with the episode besides its audio: artwork, script, transcript, credits and its public page. */
export function EpisodePublishingPanel({ episode, show, onChanged }: EpisodePublishingPanelProps) {
  const canEdit = episode.abilities.edit;
  // The page loads the show once; a new picture is shown from the upload's answer.
  const [uploadedShowArtwork, setUploadedShowArtwork] = useState<Show['artwork']>(null);
  return (
    <section className="panel" aria-labelledby="publishing-extras-heading">
      <h2 className="heading-m" id="publishing-extras-heading">
        Artwork, script, transcript and credits
      </h2>
      <h3 className="heading-s">Episode artwork</h3>
      <ArtworkPicker
        whose="this episode"
        current={episode.artwork}
        canEdit={canEdit}
        upload={async (file) => onChanged(await uploadEpisodeArtwork(episode.id, file))}
      />
      {show ? (
        <>
          <h3 className="heading-s">Show artwork</h3>
          <ArtworkPicker
            whose="the show"
            current={uploadedShowArtwork ?? show.artwork}
            canEdit={canEdit}
            upload={async (file) =>
              setUploadedShowArtwork((await uploadShowArtwork(episode.workspaceId, file)).artwork)
            }
          />
        </>
      ) : null}
      <h3 className="heading-s">Script</h3>
      <ScriptDocumentSelect episode={episode} onChanged={onChanged} />
      <h3 className="heading-s">Transcript</h3>
      <TranscriptUpload episode={episode} onChanged={onChanged} />
      <h3 className="heading-s">Credits in the feed</h3>
      <CreditsPreview episode={episode} />
      {episode.publishedAt ? (
        <p>
          <a href={episode.pageUrl}>Open the public page for this episode</a>
        </p>
      ) : (
        <p>
          Once published, the episode has a public page anyone can open, with a player, its chapters, transcript and
          credits.
        </p>
      )}
    </section>
  );
}
