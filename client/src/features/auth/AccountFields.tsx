import { PasswordField } from '../../components/PasswordField';
import { TextField } from '../../components/TextField';
import type { FormProblems } from '../../components/useFormProblems';
import { EmailField } from './EmailField';

export const accountFieldIds = (prefix: string) => ({
  name: `${prefix}-name`,
  email: `${prefix}-email`,
  password: `${prefix}-password`,
});

type AccountPath = keyof ReturnType<typeof accountFieldIds>;

/** Name, email and a new password: the same three questions wherever someone makes an account. */
export function AccountFields({ problems }: { problems: FormProblems<AccountPath> }) {
  return (
    <>
      <TextField
        {...problems.field('name')}
        label="Your name"
        hint="Other people in your workspace will see this name."
        autoComplete="name"
      />
      <EmailField {...problems.field('email')} hint="You will use this to sign in." />
      <PasswordField
        {...problems.field('password')}
        label="Password"
        hint="Use at least 8 characters. A few ordinary words that only you would put together work well; leave out your name and email."
        autoComplete="new-password"
      />
    </>
  );
}
