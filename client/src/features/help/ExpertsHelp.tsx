import { HelpArticle, HelpSection } from './HelpSection';
import { ChoicesPicture, MicrophonePicture, TogetherPicture, WordsPicture } from './HelpPictures';

/** `/help/experts`: for practice experts and researchers. */
export function ExpertsHelp() {
  return (
    <HelpArticle
      lead={
        <>
          Practice experts and researchers work alongside carers as equals: writing the report together, listening, and
          adding their own voice.
        </>
      }
    >
      <HelpSection id="writing-together" title="Writing together" picture={<WordsPicture label="A page of writing" />}>
        <p>
          Open “Documents” to write the project’s report and the episode scripts. Everyone editing a document sees each
          other’s changes as they type. You can start a new document too.
        </p>
        <p>Name a version when the document reaches a point worth keeping, so it can be found again later.</p>
      </HelpSection>

      <HelpSection
        id="comments"
        title="Comments"
        picture={<TogetherPicture label="Two speech bubbles, talking together" />}
      >
        <p>
          Select words in a document to comment on them; others can answer, and mark it as resolved when it is settled.
          Carers can change a document when it is set to let carers edit; otherwise they join in through comments.
        </p>
      </HelpSection>

      <HelpSection id="listening" title="Listening to recordings">
        <p>
          “Recordings” lists every recording in the project. Listen, read along with the written words, and leave a
          comment at a moment in the recording. You cannot approve recordings or make episodes: editors do that.
        </p>
      </HelpSection>

      <HelpSection id="your-own" title="Recording your own part" picture={<MicrophonePicture label="A microphone" />}>
        <p>
          “Record a story” works the same for you as for everyone: record, listen back, say how it may be used, and
          send. You can change those answers, or take back your consent, at any time.
        </p>
      </HelpSection>

      <HelpSection
        id="consent-rules"
        title="What people agreed to"
        picture={<ChoicesPicture label="A card with two boxes ticked and one left empty" />}
      >
        <p>
          Each recording may be used only as its speaker agreed. If a speaker takes back their consent, their recording
          and any quotes of their words disappear from every document at once.
        </p>
      </HelpSection>
    </HelpArticle>
  );
}
