import { useState } from 'react';
import { consentWordings, currentConsentVersion, type Clip } from '../../../../shared/contracts/clips';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { LabelledSection } from '../../components/LabelledSection';
import { focusWhenShown } from '../../components/focusWhenShown';
import { ChangeConsentForm } from './ChangeConsentForm';
import { consentFieldIds } from './ConsentFields';
import { whenWords } from './clipWords';
import { VoiceUses } from './VoiceUses';
import { WithdrawConsent } from './WithdrawConsent';

const changeButtonId = 'consent-change';

interface ConsentPanelProps {
  clip: Clip;
  myId: string;
  onChanged(clip: Clip): void;
}

function Choice({ allowed, text }: { allowed: boolean; text: string }) {
  return (
    <li className={allowed ? 'consent-choice consent-choice--yes' : 'consent-choice consent-choice--no'}>
      <span className="consent-choice__mark" aria-hidden="true">
        {allowed ? '✓' : '✗'}
      </span>
      <span className="consent-choice__answer">{allowed ? 'Yes' : 'No'}</span>
      <span className="visually-hidden">: </span>
      <span className="consent-choice__text">{text}</span>
    </li>
  );
}

/** What the contributor agreed to, in the words they saw; and for them (or an admin for them), change or withdraw. */
export function ConsentPanel({ clip, myId, onChanged }: ConsentPanelProps) {
  const [changing, setChanging] = useState(false);
  const [done, setDone] = useState('');
  const mine = clip.contributor.id === myId;
  const whose = mine ? 'You' : clip.contributor.name;

  if (clip.withdrawn) {
    return (
      <LabelledSection
        className="panel consent consent--withdrawn"
        headingId="consent-heading"
        headingClass="heading-l"
        title="Consent"
      >
        <p>
          Consent for this recording was taken back{clip.withdrawnAt ? ` on ${whenWords(clip.withdrawnAt)}` : ''}.
          Nobody can listen to it or use it any more. Its title and comments stay, so people know what happened.
        </p>
      </LabelledSection>
    );
  }

  const consent = clip.consent;
  const wording = consent ? consentWordings[consent.wordingVersion] : undefined;
  return (
    <LabelledSection className="panel consent" headingId="consent-heading" headingClass="heading-l" title="Consent">
      <StatusMessage tone="success">{done}</StatusMessage>
      {consent && wording ? (
        <>
          <p>
            {whose} agreed to this on {whenWords(consent.givenAt)}
            {consent.recordedBy.id !== clip.contributor.id
              ? ` (recorded by ${consent.recordedBy.id === myId ? 'you' : consent.recordedBy.name} on their behalf)`
              : ''}
            :
          </p>
          <ul className="consent-choices">
            <Choice allowed={consent.podcast} text={wording.podcast} />
            <Choice allowed={consent.publicationQuotes} text={wording.publicationQuotes} />
          </ul>
          <p className="consent__audience">
            <strong>Who may hear or read it: </strong>
            {wording.audience[consent.audience]}
          </p>
          <details className="more-detail">
            <summary>More detail</summary>
            <p>
              These are the exact words {mine ? 'you' : 'they'} agreed to: the words version {consent.wordingVersion}.
              Chorus keeps every version, so what {mine ? 'you' : 'they'} agreed to can always be shown again, even if
              the wording changes later.
            </p>
            <p>
              What {mine ? 'you were' : 'they were'} told about changing {mine ? 'your' : 'their'} mind:{' '}
              {wording.changeYourMind}
            </p>
            {consent.wordingVersion !== currentConsentVersion ? (
              <p>
                The words have been written again since (version {currentConsentVersion}), to say more exactly what
                happens when consent is taken back. That does not change what {mine ? 'you' : 'they'} agreed to.
              </p>
            ) : null}
          </details>
        </>
      ) : (
        <p>There is no consent record for this recording.</p>
      )}
      {clip.abilities.changeConsent && !changing ? (
        <Button
          id={changeButtonId}
          variant="secondary"
          onClick={() => {
            setChanging(true);
            // The button makes way for the form: focus goes to its first choice rather than to the page.
            focusWhenShown(`change-${consentFieldIds.podcast}`);
          }}
        >
          Change these choices
        </Button>
      ) : null}
      {clip.abilities.changeConsent && changing ? (
        <ChangeConsentForm
          clip={clip}
          onSaved={(c) => {
            onChanged(c);
            setChanging(false);
            setDone('Your choices are saved.');
            focusWhenShown(changeButtonId);
          }}
          onCancel={() => {
            setChanging(false);
            focusWhenShown(changeButtonId);
          }}
        />
      ) : null}
      {mine || clip.abilities.changeConsent ? <VoiceUses clip={clip} mine={mine} /> : null}
      {clip.abilities.withdraw ? <WithdrawConsent clip={clip} mine={mine} onWithdrawn={onChanged} /> : null}
    </LabelledSection>
  );
}
