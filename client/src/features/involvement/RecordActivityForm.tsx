import { activityKindLabels, activityKinds, type ActivityKind } from '../../../../shared/contracts/involvement';
import type { Member } from '../../../../shared/contracts/workspaces';
import { Checkbox } from '../../components/Checkbox';
import { FieldError } from '../../components/FieldError';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { roleLabels } from '../../../../shared/roles';
import { recordActivity } from './involvementApi';

const ids = {
  kind: 'activity-kind',
  title: 'activity-title',
  occurredOn: 'activity-date',
  durationMinutes: 'activity-minutes',
  participantIds: 'activity-people',
};

/** Staff record an activity: what, what for, when, how long, and who took part (each is then asked to confirm). */
export function RecordActivityForm({
  workspaceId,
  members,
  onRecorded,
  onError,
}: {
  workspaceId: string;
  members: Member[];
  onRecorded(): void;
  onError(hasError: boolean): void;
}) {
  const form = useSubmitForm(ids, {
    read: (el) => ({
      kind: formText(el, 'kind') as ActivityKind,
      title: formText(el, 'title').trim(),
      occurredOn: formText(el, 'occurredOn'),
      minutes: formText(el, 'durationMinutes').trim(),
      participantIds: new FormData(el).getAll('participantIds').map(String),
    }),
    check: ({ title, occurredOn, minutes, participantIds }) => {
      const fields = [];
      if (title === '') fields.push({ path: 'title', message: 'Say what the activity was for' });
      if (occurredOn === '') fields.push({ path: 'occurredOn', message: 'Enter the date it took place' });
      if (!/^\d+$/.test(minutes) || Number(minutes) < 1)
        fields.push({ path: 'durationMinutes', message: 'Enter how long it lasted in whole minutes, like 90' });
      if (participantIds.length === 0)
        fields.push({ path: 'participantIds', message: 'Choose at least one person who took part' });
      return fields;
    },
    send: async ({ kind, title, occurredOn, minutes, participantIds }, el) => {
      await recordActivity(workspaceId, { kind, title, occurredOn, durationMinutes: Number(minutes), participantIds });
      el.reset();
      onRecorded();
    },
    doneMessage: 'The activity is recorded. Everyone in it is asked to confirm it.',
    onError,
  });
  const peopleError = form.problems.fieldError('participantIds');
  return (
    <FormPanel
      headingId="record-activity-heading"
      title="Record an activity"
      saysDone
      form={form}
      submit="Record activity"
    >
      <SelectField
        {...form.problems.field('kind')}
        label="What kind of activity"
        options={activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }))}
      />
      <TextField {...form.problems.field('title')} label="What it was for" autoComplete="off" />
      <TextField {...form.problems.field('occurredOn')} label="Date" type="date" />
      <TextField
        {...form.problems.field('durationMinutes')}
        label="How long, in minutes"
        inputMode="numeric"
        autoComplete="off"
        hint="For example 90 for an hour and a half."
      />
      <div className={peopleError ? 'field field--error' : 'field'}>
        <fieldset
          className="fieldset"
          id={ids.participantIds}
          tabIndex={-1}
          aria-describedby={peopleError ? `${ids.participantIds}-error` : undefined}
        >
          <legend className="field__label">Who took part</legend>
          <FieldError id={peopleError ? `${ids.participantIds}-error` : undefined} error={peopleError} />
          {members.map((m) => (
            <Checkbox
              key={m.userId}
              id={`${ids.participantIds}-${m.userId}`}
              name="participantIds"
              value={m.userId}
              label={`${m.name} (${roleLabels[m.role]})`}
            />
          ))}
        </fieldset>
      </div>
    </FormPanel>
  );
}
