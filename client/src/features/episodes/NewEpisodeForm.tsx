import { navigate } from '../../app/router';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { createEpisode } from './episodesApi';
import { wholeNumberOrNull, WholeNumberField } from './WholeNumberField';

const ids = { title: 'new-episode-title', number: 'new-episode-number' };

export function NewEpisodeForm({ workspaceId, onError }: { workspaceId: string; onError(hasError: boolean): void }) {
  const form = useSubmitForm(ids, {
    read: (element) => ({ title: formText(element, 'title'), number: wholeNumberOrNull(formText(element, 'number')) }),
    check: ({ title, number }) => {
      const fields = [];
      if (title.trim() === '') fields.push({ path: 'title', message: 'Enter a title for the episode' });
      if (Number.isNaN(number))
        fields.push({ path: 'number', message: 'Enter the episode number as a whole number, like 3' });
      return fields;
    },
    send: async ({ title, number }) => {
      const created = await createEpisode(workspaceId, { title, type: 'full', ...(number === null ? {} : { number }) });
      navigate(`/e/${encodeURIComponent(created.id)}`);
    },
    closes: true,
    onError,
  });

  return (
    <FormPanel headingId="new-episode-heading" title="Start an episode" form={form} submit="Start episode">
      <TextField {...form.problems.field('title')} label="Title" hint="You can change it later." autoComplete="off" />
      <WholeNumberField {...form.problems.field('number')} label="Episode number (optional)" autoComplete="off" />
    </FormPanel>
  );
}
