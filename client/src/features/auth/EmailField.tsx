import type { ComponentProps } from 'react';
import { TextField } from '../../components/TextField';

/** "Email address", as someone signs in with it: the browser may fill it in, and it is not spell-checked. */
export function EmailField(props: Omit<ComponentProps<typeof TextField>, 'type' | 'label'>) {
  return <TextField type="email" label="Email address" autoComplete="email" spellCheck={false} {...props} />;
}
