import { useState, type FormEvent } from 'react';
import { updateEpisodeBodySchema, type Episode } from '../../../../shared/contracts/episodes';
import { ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { TextArea } from '../clips/TextArea';
import { updateEpisode } from './episodesApi';

const ids = {
  title: 'episode-title',
  number: 'episode-number',
  season: 'episode-season',
  type: 'episode-type',
  description: 'episode-description',
};
const typeOptions = [
  { value: 'full', label: 'A full episode' },
  { value: 'trailer', label: 'A trailer' },
  { value: 'bonus', label: 'A bonus episode' },
];

const wholeOrNull = (text: string) =>
  text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;

/** The episode's details as podcast apps show them: title, number, season, kind and show notes. */
export function EpisodeDetailsForm({ episode, onSaved }: { episode: Episode; onSaved(e: Episode): void }) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    problems.clear();
    setSaved('');
    const body = {
      title: formText(form, 'title'),
      number: wholeOrNull(formText(form, 'number')),
      season: wholeOrNull(formText(form, 'season')),
      type: formText(form, 'type'),
      description: formText(form, 'description'),
    };
    const checked = updateEpisodeBodySchema.safeParse(body);
    if (!checked.success) {
      const fields = checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return problems.show(new ApiError('validation_failed', 'Check the details.', { status: 400, fields }));
    }
    setBusy(true);
    try {
      onSaved(await updateEpisode(episode.id, checked.data));
      setSaved('The details are saved.');
    } catch (e) {
      problems.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel episode-details" open={episode.title === ''}>
      <summary className="heading-m">Episode details</summary>
      <ErrorSummary items={problems.summary} />
      <form onSubmit={submit} noValidate>
        <fieldset className="fieldset--plain" disabled={!episode.abilities.edit}>
          <TextField
            id={ids.title}
            name="title"
            label="Title"
            defaultValue={episode.title}
            error={problems.fieldError('title')}
          />
          <div className="field-pair">
            <TextField
              id={ids.number}
              name="number"
              label="Episode number (optional)"
              inputMode="numeric"
              className="input--short"
              defaultValue={episode.number ?? ''}
              error={problems.fieldError('number')}
            />
            <TextField
              id={ids.season}
              name="season"
              label="Season (optional)"
              inputMode="numeric"
              className="input--short"
              defaultValue={episode.season ?? ''}
              error={problems.fieldError('season')}
            />
          </div>
          <SelectField
            id={ids.type}
            name="type"
            label="Kind of episode"
            options={typeOptions}
            defaultValue={episode.type}
            error={problems.fieldError('type')}
          />
          <TextArea
            id={ids.description}
            name="description"
            label="Show notes"
            hint="What listeners read about this episode in their podcast app."
            rows={5}
            defaultValue={episode.description}
            error={problems.fieldError('description')}
          />
          {episode.abilities.edit ? (
            <Button type="submit" busy={busy}>
              Save details
            </Button>
          ) : null}
        </fieldset>
      </form>
      <StatusMessage tone="success">{saved}</StatusMessage>
    </details>
  );
}
