import { PasswordField } from '../../components/PasswordField';
import { TextField } from '../../components/TextField';
import type { FormProblems } from '../../components/useFormProblems';

export const accountFieldIds = (prefix: string) => ({
  name: `${prefix}-name`,
  email: `${prefix}-email`,
  password: `${prefix}-password`,
});

/** Name, email and a new password: the same three questions wherever someone makes an account. */
export function AccountFields({ prefix, problems }: { prefix: string; problems: FormProblems }) {
  const ids = accountFieldIds(prefix);
  return (
    <>
      <TextField
        id={ids.name}
        name="name"
        label="Your name"
        hint="Other people in your workspace will see this name."
        autoComplete="name"
        error={problems.fieldError('name')}
      />
      <TextField
        id={ids.email}
        name="email"
        type="email"
        label="Email address"
        hint="You will use this to sign in."
        autoComplete="email"
        spellCheck={false}
        error={problems.fieldError('email')}
      />
      <PasswordField
        id={ids.password}
        name="password"
        label="Password"
        hint="Use at least 8 characters. A few ordinary words that only you would put together work well; leave out your name and email."
        autoComplete="new-password"
        error={problems.fieldError('password')}
      />
    </>
  );
}
