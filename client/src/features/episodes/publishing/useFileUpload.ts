import { useRef, useState } from 'react';
import { useAction } from '../../../components/useAction';

/**
 * Sending a chosen file (artwork, a transcript). `send` does the work, then says `done` and empties the chooser;
 * when it fails, the reason shows on the field and the status line is cleared.
 */
export function useFileUpload() {
  const input = useRef<HTMLInputElement>(null);
  const { busy, problem, setProblem, run } = useAction();
  const [status, setStatus] = useState('');

  const send = async (work: () => Promise<unknown>, done: string) => {
    const worked = await run(async () => {
      await work();
      setStatus(done);
      if (input.current) input.current.value = '';
    });
    if (!worked) setStatus('');
  };
  const chosen = (): File | undefined => input.current?.files?.[0];

  return { input, chosen, busy, problem, setProblem, status, setStatus, send };
}
