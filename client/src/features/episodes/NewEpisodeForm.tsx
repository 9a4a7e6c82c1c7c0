import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { createEpisode } from './episodesApi';

const ids = { title: 'new-episode-title', number: 'new-episode-number' };

export function NewEpisodeForm({ workspaceId, onError }: { workspaceId: string; onError(hasError: boolean): void }) {
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: (form) => ({ title: formText(form, 'title'), numberText: formText(form, 'number').trim() }),
    check: ({ title, numberText }) => {
      const fields = [];
      if (title.trim() === '') fields.push({ path: 'title', message: 'Enter a title for the episode' });
      if (numberText !== '' && !/^\d+$/.test(numberText))
        fields.push({ path: 'number', message: 'Enter the episode number as a whole number, like 3' });
      return fields;
    },
    send: async ({ title, numberText }) => {
      const created = await createEpisode(workspaceId, {
        title,
        type: 'full',
        ...(numberText ? { number: Number(numberText) } : {}),
      });
      navigate(`/e/${encodeURIComponent(created.id)}`);
    },
    closes: true,
    onError,
  });

  return (
    <section className="panel" aria-labelledby="new-episode-heading">
      <h2 className="heading-l" id="new-episode-heading">
        Start an episode
      </h2>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={ids.title}
          name="title"
          label="Title"
          hint="You can change it later."
          autoComplete="off"
          error={problems.fieldError('title')}
        />
        <TextField
          id={ids.number}
          name="number"
          label="Episode number (optional)"
          inputMode="numeric"
          className="input--short"
          autoComplete="off"
          error={problems.fieldError('number')}
        />
        <Button type="submit" busy={busy}>
          Start episode
        </Button>
      </form>
    </section>
  );
}
