import { audiences, currentConsentWording, type ConsentChoices } from '../../../../shared/contracts/clips';
import { Checkbox } from '../../components/Checkbox';
import { radioId, RadioField } from '../../components/RadioField';

const audienceIdBase = 'consent-audience';
export const consentFieldIds = {
  podcast: 'consent-podcast',
  publicationQuotes: 'consent-quotes',
  audience: (a: string) => radioId(audienceIdBase, a),
};

interface ConsentFieldsProps {
  audienceError?: string | undefined;
  /** Keeps ids unique where two forms share a page. */
  idPrefix?: string;
  initial?: Pick<ConsentChoices, 'podcast' | 'publicationQuotes' | 'audience'> | null;
  /** On a screen whose own heading is the wording's heading (the recording's send step), the legend is for screen readers only and the panel is plain. */
  pageHeadingSaysIt?: boolean;
}

/**
 * The one consent form, used for uploads, recordings and changes of mind, in the exact words of the current
 * consent wording (shared/contracts/clips.ts). Nothing is ticked or chosen in advance: every use is the
 * contributor's own choice.
 */
export function ConsentFields({
  audienceError,
  idPrefix = '',
  initial,
  pageHeadingSaysIt = false,
}: ConsentFieldsProps) {
  const wording = currentConsentWording;
  const id = (s: string) => `${idPrefix}${s}`;
  return (
    <fieldset className={pageHeadingSaysIt ? 'fieldset consent-step consent-step--plain' : 'fieldset consent-step'}>
      <legend className={pageHeadingSaysIt ? 'visually-hidden' : 'consent-step__heading'}>{wording.heading}</legend>
      <p>{wording.intro}</p>
      <Checkbox
        id={id(consentFieldIds.podcast)}
        name="podcast"
        label={wording.podcast}
        defaultChecked={initial?.podcast ?? false}
      />
      <Checkbox
        id={id(consentFieldIds.publicationQuotes)}
        name="publicationQuotes"
        label={wording.publicationQuotes}
        defaultChecked={initial?.publicationQuotes ?? false}
      />
      <RadioField
        idBase={id(audienceIdBase)}
        name="audience"
        legend="Who may hear or read it?"
        options={audiences.map((a) => ({ value: a, label: wording.audience[a] }))}
        error={audienceError}
        defaultValue={initial?.audience}
        plainLabels
      />
      <p className="consent-step__change">{wording.changeYourMind}</p>
      <details className="more-detail consent-step__version">
        <summary>More detail</summary>
        <p>
          These are the words version {wording.version}. Chorus keeps a copy of the exact words you agree to with your
          recording, so you can always see what you said yes to.
        </p>
      </details>
    </fieldset>
  );
}
