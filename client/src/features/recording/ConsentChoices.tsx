import { audiences, currentConsentWording } from '../../../../shared/contracts/clips';

export const consentIds = { podcast: 'rec-consent-podcast', publicationQuotes: 'rec-consent-quotes', audience: (a: string) => `rec-consent-audience-${a}` };

/**
 * The consent choices in the exact words of the current consent wording (shared/contracts/clips.ts).
 * Nothing is ticked or chosen in advance: each use is the person's own choice.
 */
export function ConsentChoices({ audienceError }: { audienceError?: string | undefined }) {
  const wording = currentConsentWording;
  const errorId = audienceError ? 'rec-consent-audience-error' : undefined;
  return (
    <>
      <p className="lead">{wording.intro}</p>
      <div className="consent-choices">
        <div className="checkbox">
          <input className="checkbox__input" type="checkbox" id={consentIds.podcast} name="podcast" />
          <label className="checkbox__label" htmlFor={consentIds.podcast}>
            {wording.podcast}
          </label>
        </div>
        <div className="checkbox">
          <input className="checkbox__input" type="checkbox" id={consentIds.publicationQuotes} name="publicationQuotes" />
          <label className="checkbox__label" htmlFor={consentIds.publicationQuotes}>
            {wording.publicationQuotes}
          </label>
        </div>
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
                <input className="radios__input" type="radio" id={consentIds.audience(a)} name="audience" value={a} />
                <label className="radios__label consent-choices__plain" htmlFor={consentIds.audience(a)}>
                  {wording.audience[a]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="consent-choices__change">{wording.changeYourMind}</p>
      <p className="quiet">Consent wording version {wording.version}</p>
    </>
  );
}
