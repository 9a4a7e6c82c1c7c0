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
import { useSubmitForm } from '../../components/useSubmitForm';
import { useNextPath } from './useNextPath';

const ids = { email: 'login-email', password: 'login-password' };

export function SignInPage() {
  const next = useNextPath();
  const { setUser } = useSession();
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: (form) => ({ email: formText(form, 'email'), password: formText(form, 'password') }),
    send: async (account) => setUser(await logIn(account)),
    closes: true,
  });

  return (
    <Page title="Sign in" hasError={problems.summary.length > 0}>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={onSubmit} noValidate>
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
