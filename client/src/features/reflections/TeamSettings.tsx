import { ladderKinds, ladders, type LadderKind } from '../../../../shared/reflections/ladders';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { RadioField } from '../../components/RadioField';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { addMilestone, chooseLadder } from './reflectionsApi';

/** Admins and editors name a milestone ("After episode 1") for everyone to answer at. */
export function MilestoneForm({
  workspaceId,
  onAdded,
  onError,
}: {
  workspaceId: string;
  onAdded(): void;
  onError(hasError: boolean): void;
}) {
  const form = useSubmitForm(
    { name: 'milestone-name' },
    {
      read: (el) => formText(el, 'name').trim(),
      check: (name) => (name === '' ? [{ path: 'name', message: 'Name the milestone, like “After episode 1”' }] : []),
      send: async (name, el) => {
        await addMilestone(workspaceId, name);
        el.reset();
        onAdded();
      },
      doneMessage: 'The milestone is added. Everyone can now answer for it.',
      onError,
    },
  );
  return (
    <FormPanel
      headingId="milestone-heading"
      title="Name a milestone"
      headingClass="heading-m"
      saysDone
      form={form}
      submit="Add milestone"
    >
      <TextField
        {...form.problems.field('name')}
        label="Name of the milestone"
        hint="For example “After episode 1” or “Halfway through the publication”."
        autoComplete="off"
      />
    </FormPanel>
  );
}

/** Admins choose which ladder everyone answers on. */
export function LadderForm({
  workspaceId,
  ladder,
  onSaved,
  onError,
}: {
  workspaceId: string;
  ladder: LadderKind;
  onSaved(): void;
  onError(hasError: boolean): void;
}) {
  const form = useSubmitForm(
    { ladder: 'ladder-choice-arnstein' },
    {
      read: (el) => formText(el, 'ladder') as LadderKind,
      send: async (choice) => {
        await chooseLadder(workspaceId, choice);
        onSaved();
      },
      doneMessage: 'The ladder is saved.',
      onError,
    },
  );
  return (
    <FormPanel
      headingId="ladder-heading"
      title="Which ladder we use"
      headingClass="heading-m"
      saysDone
      form={form}
      submit="Save ladder"
    >
      <RadioField
        idBase="ladder-choice"
        name="ladder"
        legend="Which ladder should everyone answer on?"
        error={form.problems.fieldError('ladder')}
        defaultValue={ladder}
        options={ladderKinds.map((k) => ({
          value: k,
          label: ladders[k].name,
          hint: `${ladders[k].rungs.length} steps, from ${ladders[k].rungs[0]?.name ?? ''} to ${ladders[k].rungs.at(-1)?.name ?? ''}.`,
        }))}
      />
      <p className="field__hint">Answers given on the other ladder are kept, but the charts show this one.</p>
    </FormPanel>
  );
}
