import { useState, type FormEvent } from 'react';
import { logIn } from './authApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { withNext } from '../../app/safeNext';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { PasswordField } from '../../components/PasswordField';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { useNextPath } from './useNextPath';

const ids = { email: 'login-email', password: 'login-password' };

export function SignInPage() {
  const next = useNextPath();
  const { setUser } = useSession();
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setBusy(true);
    problems.clear();
    try {
      setUser(await logIn({ email: formText(form, 'email'), password: formText(form, 'password') }));
    } catch (e) {
      problems.show(e);
      setBusy(false);
    }
  };

  return (
    <Page title="Sign in" hasError={problems.summary.length > 0}>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={ids.email}
          name="email"
          type="email"
          label="Email address"
          autoComplete="email"
          spellCheck={false}
          error={problems.fieldError('email')}
        />
        <PasswordField
          id={ids.password}
          name="password"
          label="Password"
          autoComplete="current-password"
          error={problems.fieldError('password')}
        />
        <Button type="submit" busy={busy}>
          Sign in
        </Button>
      </form>
      <p>
        New to Chorus? <Link href={withNext('/signup', next)}>Create an account</Link>
      </p>
    </Page>
  );
}
