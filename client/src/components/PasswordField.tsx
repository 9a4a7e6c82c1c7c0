import { useState, type ComponentProps } from 'react';
import { Button } from './Button';
import { TextField } from './TextField';

/** A password field with a "Show" button, so people can check what they typed. */
export function PasswordField(props: Omit<ComponentProps<typeof TextField>, 'type' | 'after'>) {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      type={shown ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="none"
      after={
        <Button
          variant="secondary"
          className="button--inline"
          aria-controls={props.id}
          onClick={() => setShown(!shown)}
        >
          {shown ? 'Hide' : 'Show'}
          <span className="visually-hidden"> password</span>
        </Button>
      }
    />
  );
}
