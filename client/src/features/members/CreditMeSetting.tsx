import { useEffect, useId, useState, type FormEvent } from 'react';
import type { MemberCredit } from '../../../../shared/contracts/publishing';
import { toApiError } from '../../api/ApiError';
import { useResource } from '../../app/useResource';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { getMyCredit, setMyCredit } from './membersApi';

/**
 * "Credit me by name": each person decides for themselves whether published episodes name them, and how.
 * Nobody is named until they tick it, and unticking it takes their name out of the feed at once.
 */
export function CreditMeSetting({ workspaceId }: { workspaceId: string }) {
  const ids = { box: useId(), name: useId(), hint: useId() };
  const [loaded] = useResource(workspaceId, () => getMyCredit(workspaceId));
  const [credit, setCredit] = useState<MemberCredit | null>(null);
  const [byName, setByName] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.status !== 'ready') return;
    setCredit(loaded.data);
    setByName(loaded.data.creditByName);
    setName(loaded.data.creditName ?? loaded.data.accountName);
  }, [loaded]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const saved = await setMyCredit(
        workspaceId,
        byName ? { creditByName: true, creditName: name } : { creditByName: false },
      );
      setCredit(saved);
      setStatus(
        saved.creditByName
          ? `Saved. Published episodes you are part of will name you as “${saved.creditName}”.`
          : 'Saved. Published episodes will not name you.',
      );
    } catch (e) {
      setStatus('');
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  if (loaded.status === 'failed') return <p className="field__error">{loaded.error.message}</p>;
  if (!credit) return null;
  return (
    <section className="section" aria-labelledby="credit-me-title">
      <h3 className="heading-m" id="credit-me-title">
        Your name in published episodes
      </h3>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id={ids.box}
            aria-describedby={ids.hint}
            checked={byName}
            onChange={(e) => setByName(e.target.checked)}
          />
          <label className="checkbox__label" htmlFor={ids.box}>
            Credit me by name in published episodes
          </label>
        </div>
        <p className="field__hint" id={ids.hint}>
          Podcast apps will show this name with what you did: a guest when your recordings are used, a co-writer of a
          script, an audio editor. You can change your mind at any time.
        </p>
        {byName ? (
          <TextField
            id={ids.name}
            label="The name to use"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={problem}
            autoComplete="name"
          />
        ) : null}
        {!byName && problem ? <p className="field__error">{problem}</p> : null}
        <Button type="submit" variant="secondary" busy={busy}>
          Save
        </Button>
        <StatusMessage tone="success">{status}</StatusMessage>
      </form>
    </section>
  );
}
