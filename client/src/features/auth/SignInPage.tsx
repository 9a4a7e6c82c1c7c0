import { logIn } from './authApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { withNext } from '../../app/safeNext';
import { useSession } from '../../app/session';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { PasswordField } from '../../components/PasswordField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { EmailField } from './EmailField';
import { useNextPath } from './useNextPath';

const ids = { email: 'login-email', password: 'login-password' };

export function SignInPage() {
  const next = useNextPath();
  const { setUser } = useSession();
  const form = useSubmitForm(ids, {
    read: (element) => ({ email: formText(element, 'email'), password: formText(element, 'password') }),
    send: async (account) => setUser(await logIn(account)),
    closes: true,
  });

  return (
    <Page title="Sign in" hasError={form.problems.summary.length > 0}>
      <FormWithSummary form={form} submit="Sign in">
        <EmailField {...form.problems.field('email')} />
        <PasswordField {...form.problems.field('password')} label="Password" autoComplete="current-password" />
      </FormWithSummary>
      <p>
        New to Chorus? <Link href={withNext('/signup', next)}>Create an account</Link>
      </p>
      <p>
        <Link href="/help">How Chorus works</Link>: what you can do here, in plain words.
      </p>
    </Page>
  );
}
