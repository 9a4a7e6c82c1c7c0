import { useState } from 'react';
import { toApiError } from '../api/ApiError';

/**
 * Something a button or a small form does on the server: busy while it runs, and what went wrong in plain
 * words. `run` resolves true when the work was done. Forms with an error summary use useSubmitForm instead.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      return true;
    } catch (e) {
      setProblem(toApiError(e).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, problem, setProblem, run };
}
