import { updateEpisodeBodySchema, type Episode } from '../../../../shared/contracts/episodes';
import { Button } from '../../components/Button';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { schemaProblems } from '../../components/schemaProblems';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { TextArea } from '../clips/TextArea';
import { updateEpisode } from './episodesApi';
import { wholeNumberOrNull, WholeNumberField } from './WholeNumberField';

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

const readDetails = (form: HTMLFormElement) => ({
  title: formText(form, 'title'),
  number: wholeNumberOrNull(formText(form, 'number')),
  season: wholeNumberOrNull(formText(form, 'season')),
  type: formText(form, 'type'),
  description: formText(form, 'description'),
});

/** The episode's details as podcast apps show them: title, number, season, kind and show notes. */
export function EpisodeDetailsForm({ episode, onSaved }: { episode: Episode; onSaved(e: Episode): void }) {
  const form = useSubmitForm(ids, {
    read: readDetails,
    check: (details) => schemaProblems(updateEpisodeBodySchema, details),
    send: async (details) => onSaved(await updateEpisode(episode.id, updateEpisodeBodySchema.parse(details))),
    doneMessage: 'The details are saved.',
  });
  const { field } = form.problems;

  return (
    <details className="panel episode-details" open={episode.title === ''}>
      <summary className="heading-m">Episode details</summary>
      <FormWithSummary form={form}>
        <fieldset className="fieldset--plain" disabled={!episode.abilities.edit}>
          <TextField {...field('title')} label="Title" defaultValue={episode.title} />
          <div className="field-pair">
            <WholeNumberField
              {...field('number')}
              label="Episode number (optional)"
              defaultValue={episode.number ?? ''}
            />
            <WholeNumberField {...field('season')} label="Season (optional)" defaultValue={episode.season ?? ''} />
          </div>
          <SelectField {...field('type')} label="Kind of episode" options={typeOptions} defaultValue={episode.type} />
          <TextArea
            {...field('description')}
            label="Show notes"
            hint="What listeners read about this episode in their podcast app."
            rows={5}
            defaultValue={episode.description}
          />
          {episode.abilities.edit ? (
            <Button type="submit" busy={form.busy}>
              Save details
            </Button>
          ) : null}
        </fieldset>
      </FormWithSummary>
      <StatusMessage tone="success">{form.done}</StatusMessage>
    </details>
  );
}
