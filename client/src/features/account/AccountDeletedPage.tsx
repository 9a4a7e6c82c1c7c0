import { Page } from '../../app/Page';
import { Link, useLocation } from '../../app/router';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the person sees once their account is deleted (they are signed out by then). */
export function AccountDeletedPage() {
  const params = new URLSearchParams(useLocation().search);
  const withdrawn = Number(params.get('withdrawn') ?? 0);
  const kept = Number(params.get('kept') ?? 0);
  return (
    <Page title="Your account is deleted">
      <p className="lead">You are signed out, and your account has been deleted.</p>
      {withdrawn > 0 ? (
        <p>We took back {count(withdrawn, 'recording', 'recordings')}: the sound files and their words are deleted.</p>
      ) : null}
      {kept > 0 ? (
        <p>{count(kept, 'recording stays', 'recordings stay')} in the project, as you agreed, without your name.</p>
      ) : null}
      <p>Comments and writing you left now say “a former member” instead of your name.</p>
      <p>Thank you for taking part.</p>
      <p>
        <Link href="/signup">Make a new account</Link>
      </p>
    </Page>
  );
}
