import type { MyEditionSignoff } from '../../../../../shared/contracts/editions';
import { BackLink } from '../../../app/LoadingPages';
import { LoadedPage } from '../../../app/LoadedPage';
import { Page } from '../../../app/Page';
import { SignoffDecision } from '../../episodes/signoffs/SignoffDecision';
import { decideSignoff, mySignoff } from './editionsApi';

/** `/editions/:id/signoff`: someone quoted in an edition reads their quotes where they stand and answers. */
export function EditionSignoffPage({ editionId }: { editionId: string }) {
  return (
    <LoadedPage id={editionId} load={mySignoff} thing="edition" loadingTitle="Opening your quotes">
      {(mine, _user, reload) => <YourQuotes editionId={editionId} mine={mine} onDecided={reload} />}
    </LoadedPage>
  );
}

function YourQuotes({ editionId, mine, onDecided }: { editionId: string; mine: MyEditionSignoff; onDecided(): void }) {
  return (
    <>
      <BackLink href={`/d/${encodeURIComponent(mine.edition.documentId)}`}>Back to the document</BackLink>
      <Page title={`Your words in “${mine.edition.title}”`} caption={`Edition ${mine.edition.number}`}>
        {!mine.quoted ? (
          <p>Your words are not quoted in this edition, so there is nothing for you to check.</p>
        ) : (
          <>
            <p>
              Your words are quoted in this edition. Before anyone outside the project can read it, please read each
              quote with the words around it, and tell us whether you are happy with how you are quoted.
            </p>
            <ol className="card-list" aria-label="Your quotes">
              {mine.quotes.map((q) => (
                <li key={q.quoteId} className="card-list__item">
                  <p className="card-list__meta">From your recording “{q.clipTitle}”</p>
                  {q.before ? <p>{q.before}</p> : null}
                  <blockquote className="review__note">
                    <p>
                      <strong>“{q.text}”</strong>
                    </p>
                  </blockquote>
                  {q.after ? <p>{q.after}</p> : null}
                </li>
              ))}
            </ol>
            <SignoffDecision
              idPrefix="your-quotes"
              signoff={mine.signoff}
              send={(body) => decideSignoff(editionId, body)}
              thanks={{
                approved: 'Thank you. You said your quotes are fine.',
                changesRequested: 'Thank you. Your request for a change was sent to the people making the publication.',
              }}
              noteHint="The people making the publication will read this. Say which quote, and what you would like."
              onDecided={onDecided}
            />
          </>
        )}
      </Page>
    </>
  );
}
