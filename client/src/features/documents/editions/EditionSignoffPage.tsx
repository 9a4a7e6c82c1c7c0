import { useState } from 'react';
import type { MyEditionSignoff } from '../../../../../shared/contracts/editions';
import { signoffNoteMax, type SignoffBody } from '../../../../../shared/contracts/signoffs';
import { BackLink } from '../../../app/LoadingPages';
import { LoadedPage } from '../../../app/LoadedPage';
import { Page } from '../../../app/Page';
import { Button } from '../../../components/Button';
import { focusWhenShown } from '../../../components/focusWhenShown';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAction } from '../../../components/useAction';
import { whenWords } from '../../clips/clipWords';
import { NoteForm } from '../../clips/NoteForm';
import { decideSignoff, mySignoff } from './editionsApi';

/** `/editions/:id/signoff`: someone quoted in an edition reads their quotes where they stand and answers. */
export function EditionSignoffPage({ editionId }: { editionId: string }) {
  return (
    <LoadedPage
      id={editionId}
      load={mySignoff}
      notFound="We could not find that edition"
      failedTitle="We could not open this edition"
      loadingTitle="Opening your quotes"
      loadingText="Opening your quotes…"
    >
      {(mine, _user, reload) => <YourQuotes editionId={editionId} mine={mine} onDecided={reload} />}
    </LoadedPage>
  );
}

function YourQuotes({ editionId, mine, onDecided }: { editionId: string; mine: MyEditionSignoff; onDecided(): void }) {
  const { busy, problem, run } = useAction();
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState('');
  const signoff = mine.signoff;

  const decide = async (body: SignoffBody) => {
    setSaid('');
    if (!(await run(() => decideSignoff(editionId, body)))) return;
    setAsking(false);
    setSaid(
      body.decision === 'approved'
        ? 'Thank you. You said your quotes are fine.'
        : 'Thank you. Your request for a change was sent to the people making the publication.',
    );
    onDecided();
    focusWhenShown('your-quotes-answer');
  };

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
            <p id="your-quotes-answer" tabIndex={-1}>
              {signoff?.state === 'approved' ? (
                <strong>You said these are fine{signoff.at ? ` on ${whenWords(signoff.at)}` : ''}.</strong>
              ) : signoff?.state === 'changes_requested' ? (
                <strong>You asked for a change{signoff.at ? ` on ${whenWords(signoff.at)}` : ''}.</strong>
              ) : (
                <strong>You have not answered yet.</strong>
              )}
            </p>
            <div className="visually-hidden">
              <StatusMessage>{said}</StatusMessage>
            </div>
            <ProblemAlert problem={problem} />
            {asking ? (
              <NoteForm
                id="your-quotes-note"
                label="What would you like changed?"
                hint="The people making the publication will read this. Say which quote, and what you would like."
                whenEmpty="Say what you would like changed"
                max={signoffNoteMax}
                submitLabel="Send your request"
                busy={busy}
                onSend={(note) => void decide({ decision: 'changes_requested', note })}
                onCancel={() => {
                  setAsking(false);
                  focusWhenShown('your-quotes-ask');
                }}
              />
            ) : (
              <div className="button-group">
                {signoff?.state !== 'approved' ? (
                  <Button busy={busy} onClick={() => void decide({ decision: 'approved' })}>
                    These are fine
                  </Button>
                ) : null}
                <Button id="your-quotes-ask" variant="secondary" onClick={() => setAsking(true)}>
                  Ask for a change
                </Button>
              </div>
            )}
          </>
        )}
      </Page>
    </>
  );
}
