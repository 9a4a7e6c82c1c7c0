import { Fragment } from 'react';
import type { Consent } from '../../../../shared/contracts/clips';
import { consentGlance, consentSentence } from './clipWords';

/**
 * What a recording may be used for, in a line: "Podcast ✓ · Publication quotes ✗ · Public". The marks
 * are text, never colour alone, and screen readers hear "yes" and "no".
 */
export function ConsentGlance({
  consent,
  withdrawn,
  plainFor,
}: {
  consent: Pick<Consent, 'podcast' | 'publicationQuotes' | 'audience'> | null;
  withdrawn: boolean;
  /**
   * For carers and experts (docs/words.md): the consent as a sentence, said by this person ("You" for their own
   * recording, otherwise the speaker's name), instead of the ticks.
   */
  plainFor?: string | undefined;
}) {
  if (withdrawn) {
    return (
      <strong className="clip-tag clip-tag--withdrawn">{plainFor ? 'Consent taken back' : 'Consent withdrawn'}</strong>
    );
  }
  if (!consent) return <span>Not chosen yet</span>;
  if (plainFor) return <span className="consent-glance">{consentSentence(consent, plainFor)}</span>;
  const items = consentGlance(consent);
  return (
    <span className="consent-glance">
      {items.map((item, i) => (
        <Fragment key={item.label}>
          {i > 0 ? (
            <span className="consent-glance__dot" aria-hidden="true">
              {' · '}
            </span>
          ) : null}
          <span
            className={
              item.allowed === false ? 'consent-glance__item consent-glance__item--no' : 'consent-glance__item'
            }
          >
            {item.label}
            {item.allowed === null ? null : (
              <>
                <span className="consent-glance__mark" aria-hidden="true">
                  {item.allowed ? ' ✓' : ' ✗'}
                </span>
                <span className="visually-hidden">{item.allowed ? ': yes' : ': no'}</span>
              </>
            )}
          </span>
          {i < items.length - 1 ? <span className="visually-hidden">, </span> : null}
        </Fragment>
      ))}
    </span>
  );
}
