import { HelpArticle, HelpSection } from './HelpSection';
import { ApprovePicture, ChangePicture, ChoicesPicture, TimelinePicture, TogetherPicture } from './HelpPictures';

/** `/help/editors`: for editors and admins. Technical words appear once, with what they mean (docs/words.md). */
export function EditorsHelp() {
  return (
    <HelpArticle
      lead={
        <>
          Editors look after the project’s recordings and episodes: checking what people send, making the episodes, and
          publishing them, always within what each person agreed to. Admins can do all of this, and also change the
          project’s settings and people’s roles.
        </>
      }
    >
      <HelpSection
        id="bringing-people-in"
        title="Bringing people in"
        picture={<TogetherPicture label="Two speech bubbles" />}
      >
        <p>
          On the project page, “Invite someone” makes a link for a carer or an expert (admins can invite any role). Send
          the link however suits the person: by email from Chorus, or copied into a message. A link works once and for
          seven days unless you choose otherwise.
        </p>
      </HelpSection>

      <HelpSection id="checking-recordings" title="Checking recordings">
        <p>
          Open “Clips” to see every recording, where it is up to, and what its speaker agreed to. On a recording, listen
          and leave comments at a moment (“at 1:12”); the speaker sees them and can answer.
        </p>
        <p>
          Then “Approve” it, or “Ask for changes” and say what. Carers see these as “Ready to use” and “Changes asked
          for”; while you decide, they see “Being checked”.
        </p>
      </HelpSection>

      <HelpSection
        id="what-people-agreed"
        title="What people agreed to"
        picture={<ChoicesPicture label="A card with two boxes ticked and one left empty" />}
      >
        <p>
          Every recording carries its speaker’s answers: podcast yes or no, written quotes yes or no, and whether anyone
          may hear it or only people in this project. Chorus checks these answers itself whenever a voice would be heard
          or words read: you cannot put a recording into an episode, a quote or the feed that its speaker did not agree
          to.
        </p>
      </HelpSection>

      <HelpSection
        id="making-episodes"
        title="Making an episode"
        picture={<TimelinePicture label="Three pieces on a timeline" />}
      >
        <p>
          Open “Episodes” and make a new one. Drag approved recordings and music onto the timeline, or move them with
          the keyboard. Others in the project can watch it take shape as you work.
        </p>
        <p>
          When the timeline is ready, “Render episode” makes the sound file everyone can listen to. Chorus evens out the
          loudness so every episode sounds about as loud as the last.
        </p>
        <details className="more-detail">
          <summary>More detail: loudness</summary>
          <p>
            Renders aim for −16 LUFS integrated loudness (how loud the whole episode sounds on average) with peaks no
            higher than −1 dBTP (the loudest moment, measured as a player would hear it). The measured figures are shown
            beside each render.
          </p>
        </details>
      </HelpSection>

      <HelpSection
        id="approving-parts"
        title="Asking people to approve their parts"
        picture={<ApprovePicture label="A pair of headphones and a tick" />}
      >
        <p>
          With sign-off on for the project, everyone heard in an episode is asked to listen to their parts and say they
          are fine, or ask for a change, before it is published. The episode page shows who has answered.
        </p>
        <p>
          An admin can publish before everyone has answered, but must say why; the reason is kept and shown on the
          episode.
        </p>
      </HelpSection>

      <HelpSection id="publishing" title="Publishing">
        <p>
          “Publish to the feed” puts the episode in the project’s podcast feed, crediting by name each person heard who
          said they may be named. “Take out of the feed” takes it back out. You can add a transcript for listeners by
          uploading a captions file.
        </p>
        <details className="more-detail">
          <summary>More detail: captions files</summary>
          <p>Chorus accepts WebVTT (.vtt) and SubRip (.srt) files, saved as UTF-8 text.</p>
        </details>
      </HelpSection>

      <HelpSection
        id="changes-of-mind"
        title="When someone changes their mind"
        picture={<ChangePicture label="Two arrows going round" />}
      >
        <p>
          When a speaker takes back their consent, their recording’s sound is deleted, any episode with their voice
          leaves the feed at once, and that episode is marked “needs your attention”. Render it again without them
          before publishing it again. Their quotes leave the written report too.
        </p>
      </HelpSection>

      <HelpSection id="writing" title="The written report and quotes">
        <p>
          In “Documents”, everyone writes the report and the episode scripts together, live. “Quote a recording” puts a
          speaker’s own words into a document, from recordings whose speaker agreed to be quoted.
        </p>
      </HelpSection>

      <HelpSection id="involvement" title="Recording involvement">
        <p>
          On “Involvement”, record who took part in a meeting or a piece of work and for how long. Each person then says
          whether it is right and how they want to be thanked. Editors see who took part; only admins see amounts.
        </p>
      </HelpSection>
    </HelpArticle>
  );
}
