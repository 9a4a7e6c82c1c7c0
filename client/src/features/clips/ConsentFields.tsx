import { audiences, currentConsentWording, type ConsentChoices } from '../../../../shared/contracts/clips';

export const consentFieldIds = {
  podcast: 'consent-podcast',
  publicationQuotes: 'consent-quotes',
  audience: (a: string) => `consent-audience-${a}`,
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
  const errorId = audienceError ? id('consent-audience-error') : undefined;
  return (
    <fieldset className={pageHeadingSaysIt ? 'fieldset consent-step consent-step--plain' : 'fieldset consent-step'}>
      <legend className={pageHeadingSaysIt ? 'visually-hidden' : 'consent-step__heading'}>{wording.heading}</legend>
      <p>{wording.intro}</p>
      <div className="checkbox">
        <input
          className="checkbox__input"
          type="checkbox"
          id={id(consentFieldIds.podcast)}
          name="podcast"
          defaultChecked={initial?.podcast ?? false}
        />
        <label className="checkbox__label" htmlFor={id(consentFieldIds.podcast)}>
          {wording.podcast}
        </label>
      </div>
      <div className="checkbox">
        <input
          className="checkbox__input"
          type="checkbox"
          id={id(consentFieldIds.publicationQuotes)}
          name="publicationQuotes"
          defaultChecked={initial?.publicationQuotes ?? false}
        />
        <label className="checkbox__label" htmlFor={id(consentFieldIds.publicationQuotes)}>
          {wording.publicationQuotes}
        </label>
      </div>
      <div className={audienceError ? 'field field--error' : 'field'}>
        <fieldset className="fieldset" aria-describedby={errorId}>
          <legend className="field__label">Who may hear or read it?</legend>
          {audienceError ? (
            <p className="field__error" id={errorId}>
              <span className="visually-hidden">Error: </span>
              {audienceError}
            </p>
          ) : null}
          <div className="radios">
            {audiences.map((a) => (
              <div className="radios__item" key={a}>
                <input
                  className="radios__input"
                  type="radio"
                  id={id(consentFieldIds.audience(a))}
                  name="audience"
                  value={a}
                  defaultChecked={initial?.audience === a}
                />
                <label className="radios__label radios__label--plain" htmlFor={id(consentFieldIds.audience(a))}>
                  {wording.audience[a]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="consent-step__change">{wording.changeYourMind}</p>
      <p className="quiet consent-step__version">Consent wording version {wording.version}</p>
    </fieldset>
  );
}
