import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/ApiError';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { createEpisode } from './episodesApi';

const ids = { title: 'new-episode-title', number: 'new-episode-number' };

export function NewEpisodeForm({ workspaceId, onError }: { workspaceId: string; onError(hasError: boolean): void }) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const title = formText(event.currentTarget, 'title');
    const numberText = formText(event.currentTarget, 'number').trim();
    problems.clear();
    const fields = [];
    if (title.trim() === '') fields.push({ path: 'title', message: 'Enter a title for the episode' });
    if (numberText !== '' && !/^\d+$/.test(numberText)) fields.push({ path: 'number', message: 'Enter the episode number as a whole number, like 3' });
    onError(fields.length > 0);
    if (fields.length > 0) return problems.show(new ApiError('validation_failed', 'Check the form.', { status: 400, fields }));
    setBusy(true);
    try {
      const created = await createEpisode(workspaceId, { title, type: 'full', ...(numberText ? { number: Number(numberText) } : {}) });
      navigate(`/e/${encodeURIComponent(created.id)}`);
    } catch (e) {
      problems.show(e);
      onError(true);
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-episode-heading">
      <h2 className="heading-l" id="new-episode-heading">
        Start an episode
      </h2>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={submit} noValidate>
        <TextField id={ids.title} name="title" label="Title" hint="You can change it later." autoComplete="off" error={problems.fieldError('title')} />
        <TextField id={ids.number} name="number" label="Episode number (optional)" inputMode="numeric" className="input--short" autoComplete="off" error={problems.fieldError('number')} />
        <Button type="submit" busy={busy}>
          Start episode
        </Button>
      </form>
    </section>
  );
}
