import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';

const selectedInstead =
  'The link is selected. Copy it with your device’s copy command (Ctrl and C, or Command and C on a Mac).';

/** The new link in a read-only box, with a button that copies it (or selects it where copying is not allowed). */
export function CopyLink({ url, hint }: { url: string; hint: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  // A new link takes focus, so it is read out with its hint and "Copy link" is the next key press.
  useEffect(() => input.current?.focus(), []);

  const copy = async () => {
    setStatus('');
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus(selectedInstead);
    }
  };

  return (
    <div className="copy-link">
      <TextField
        id={id}
        ref={input}
        label="Invite link"
        hint={hint}
        value={url}
        readOnly
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        after={
          <Button variant="secondary" className="button--inline" onClick={copy}>
            Copy link
          </Button>
        }
      />
      <StatusMessage tone="success">{status}</StatusMessage>
    </div>
  );
}
