import { HelpArticle, HelpSection } from './HelpSection';
import {
  ApprovePicture,
  ChangePicture,
  ChoicesPicture,
  MicrophonePicture,
  TogetherPicture,
  WordsPicture,
} from './HelpPictures';

/** `/help/carers`: plain words, one thing at a time, true to what the screens do (docs/words.md). */
export function CarersHelp() {
  return (
    <HelpArticle
      lead={
        <>
          Chorus is where you and the project team make a podcast and a written report together. Your story, in your own
          voice, is at the heart of it. <strong>Nothing you record is used without your say.</strong>
        </>
      }
    >
      <HelpSection id="recording" title="Recording your story" picture={<MicrophonePicture label="A microphone" />}>
        <ol className="help-steps">
          <li>Open your project and press “Record a story”.</li>
          <li>
            The first time, your browser asks if Chorus may use your microphone. Choose “Allow”. If you cannot see the
            question, the recording page says where to look.
          </li>
          <li>
            Press “Record” and talk for as long as you like. You can “Pause” for a rest. Press “Stop” when you have
            finished.
          </li>
          <li>Listen back. If you are not happy, record again.</li>
          <li>Give it a title if you like, say how it may be used (see below), and press “Send your recording”.</li>
        </ol>
        <p>
          Keep the page open until it says it is sent. If your connection drops, what you recorded is kept: next time
          you open the recording page, it offers to send what it has.
        </p>
        <p>
          Already made a recording on your phone, such as a voice memo? Open “Recordings” and use “Upload a recording”
          to send the sound file.
        </p>
      </HelpSection>

      <HelpSection
        id="saying-how"
        title="Saying how it may be used"
        picture={<ChoicesPicture label="A card with two boxes ticked and one left empty" />}
      >
        <p>Every time you send a recording, you answer three questions. Nothing is ticked for you.</p>
        <ul className="help-list">
          <li>May it be used in the project’s podcast episodes?</li>
          <li>May what you say be written down and quoted in the project’s written report?</li>
          <li>Who may hear or read it: anyone (it may be published), or only the people in this project?</li>
        </ul>
        <p>
          Under each of your recordings, Chorus shows what you said, for example “You said: podcast yes, written quotes
          no, only people in this project may hear it”.
        </p>
      </HelpSection>

      <HelpSection
        id="changing-your-mind"
        title="Changing your mind"
        picture={<ChangePicture label="Two arrows going round" />}
      >
        <p>You can change your mind at any time, about any of your recordings.</p>
        <ul className="help-list">
          <li>
            To change your answers, open the recording and press “Change these choices”. The new answers count from then
            on.
          </li>
          <li>
            To take back your consent altogether, open the recording and press “Withdraw consent”. Chorus asks you to be
            sure first. The sound is then deleted for good, any episode with your voice in it comes out of the podcast
            at once, and the people making the episodes are asked to make it again without you. Quotes of your words
            come out of the written report too.
          </li>
        </ul>
      </HelpSection>

      <HelpSection
        id="being-checked"
        title="When your recording is being checked"
        picture={<TogetherPicture label="Two speech bubbles, talking together" />}
      >
        <p>
          After you send a recording, an editor in the project listens to it. While they do, it says “Being checked”.
          Then it says “Ready to use”, or “Changes asked for” if they would like something different.
        </p>
        <p>
          Anyone in the project can leave a comment at a moment in a recording, such as “at 1:12”. You can answer
          comments on your own recordings, and on anyone else’s.
        </p>
      </HelpSection>

      <HelpSection
        id="checking-words"
        title="Checking what you said"
        picture={<WordsPicture label="A page of writing beside a play button" />}
      >
        <p>
          Each recording has its words written down under it. The words are highlighted as the recording plays, and you
          can press a time to play from there.
        </p>
        <p>
          On your own recordings you can put the words right while you listen: just type. What you change is saved as
          you go.
        </p>
      </HelpSection>

      <HelpSection
        id="approving"
        title="Approving your parts"
        picture={<ApprovePicture label="A pair of headphones and a tick" />}
      >
        <p>
          Where the project asks for it, an episode is not published until everyone heard in it has approved their
          parts. On the episode’s page, “Your parts in this episode” plays just the parts with your voice.
        </p>
        <p>
          Then press “These are fine”, or “Ask for a change” and say what you would like: a part cut, shortened or left
          out. The people making the episode read what you ask.
        </p>
      </HelpSection>

      <HelpSection id="given-back" title="Your time, and being thanked">
        <p>
          After a meeting or a piece of work, the project records who took part and for how long. On the “Involvement”
          page you can say whether that is right, and choose how you want to be thanked or paid. Only you and the
          project’s admins see what you are paid.
        </p>
      </HelpSection>

      <HelpSection id="news" title="Hearing what is new">
        <p>
          The bell at the top of the page shows how many new things there are for you, such as a comment on your
          recording or an episode waiting for your approval. In “Your settings” you can choose which of these are also
          sent to you by email.
        </p>
        <p>In “Your account” you can download everything Chorus keeps about you, or delete your account.</p>
      </HelpSection>
    </HelpArticle>
  );
}
