import { useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';

/** The feed's address in a read-only box with a "Copy address" button, for pasting into podcast apps. */
export function FeedAddress({ url }: { url: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    setStatus('');
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Address copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('The address is selected. Copy it with your device’s copy command (Ctrl and C, or Command and C on a Mac).');
    }
  };
  return (
    <div className="copy-link">
      <TextField
        id={id}
        ref={input}
        label="Podcast feed address"
        hint="Give this address to Apple Podcasts, Spotify or any podcast app. Published episodes appear there."
        value={url}
        readOnly
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        after={
          <Button variant="secondary" className="button--inline" onClick={copy}>
            Copy address
          </Button>
        }
      />
      <StatusMessage tone="success">{status}</StatusMessage>
    </div>
  );
}
