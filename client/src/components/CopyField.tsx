import { useEffect, useId, useRef, useState } from 'react';
import { Button } from './Button';
import { StatusMessage } from './StatusMessage';
import { TextField } from './TextField';

interface CopyFieldProps {
  value: string;
  label: string;
  hint: string;
  /** What is copied, in words: "link" gives "Copy link" and "Link copied". */
  noun: string;
  /** Focus the box when it appears (a link just made), so it is read out and "Copy" is the next key press. */
  focusOnShow?: boolean;
}

/** A read-only box with a button that copies its text, or selects it where the browser does not allow copying. */
export function CopyField({ value, label, hint, noun, focusOnShow = false }: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (focusOnShow) input.current?.focus();
  }, [focusOnShow]);

  const copy = async () => {
    setStatus('');
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`${noun[0]!.toUpperCase()}${noun.slice(1)} copied`);
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus(
        `The ${noun} is selected. Copy it with your device’s copy command (Ctrl and C, or Command and C on a Mac).`,
      );
    }
  };

  return (
    <div className="copy-link">
      <TextField
        id={id}
        ref={input}
        label={label}
        hint={hint}
        value={value}
        readOnly
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        after={
          <Button variant="secondary" className="button--inline" onClick={copy}>
            Copy {noun}
          </Button>
        }
      />
      <StatusMessage tone="success">{status}</StatusMessage>
    </div>
  );
}
