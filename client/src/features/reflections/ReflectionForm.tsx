import type { Milestone } from '../../../../shared/contracts/reflections';
import { cubeDimensions, ladders, type LadderKind } from '../../../../shared/reflections/ladders';
import { Checkbox } from '../../components/Checkbox';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { radioId, RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { TextArea } from '../clips/TextArea';
import { CubeSlider } from './CubeSlider';
import { sendReflection } from './reflectionsApi';

const anyTime = 'any-time';

/**
 * Every member's short reflection: which milestone (or any time), where the project stands on the workspace's
 * ladder (the rungs from the top down, each with what it looks like), the Cube's four sliders and a note that
 * stays private unless the writer shares it.
 */
export function ReflectionForm({
  workspaceId,
  ladder,
  milestones,
  onSent,
  onError,
}: {
  workspaceId: string;
  ladder: LadderKind;
  milestones: Milestone[];
  onSent(): void;
  onError(hasError: boolean): void;
}) {
  const rungs = ladders[ladder].rungs;
  const ids = {
    milestoneId: 'reflection-milestone',
    rung: radioId('reflection-rung', String(rungs.length)),
    ladder: radioId('reflection-rung', String(rungs.length)),
    voice: 'reflection-voice',
    knowledge: 'reflection-knowledge',
    diversity: 'reflection-diversity',
    responsiveness: 'reflection-responsiveness',
    note: 'reflection-note',
  };
  const form = useSubmitForm(ids, {
    read: (el) => ({
      milestone: formText(el, 'milestoneId'),
      rung: formText(el, 'rung'),
      cube: Object.fromEntries(cubeDimensions.map((d) => [d, Number(formText(el, d))])) as Record<
        (typeof cubeDimensions)[number],
        number
      >,
      note: formText(el, 'note').trim(),
      shareNote: new FormData(el).get('shareNote') === 'yes',
    }),
    check: ({ rung, note }) => {
      const fields = [];
      if (rung === '') fields.push({ path: 'rung', message: 'Choose the step where you think the project stands' });
      if (note.length > 2000) fields.push({ path: 'note', message: 'Make your note 2000 characters or fewer' });
      return fields;
    },
    send: async ({ milestone, rung, cube, note, shareNote }) => {
      await sendReflection(workspaceId, {
        milestoneId: milestone === anyTime || milestone === '' ? null : milestone,
        ladder,
        rung: Number(rung),
        cube,
        ...(note ? { note } : {}),
        shareNote,
      });
      onSent();
    },
    doneMessage: 'Thank you. Your answer is saved.',
    onError,
  });
  const latest = milestones.at(-1);
  return (
    <FormPanel headingId="reflect-heading" title="Your answer" saysDone form={form} submit="Send my answer">
      <SelectField
        {...form.problems.field('milestoneId')}
        label="When is this answer for?"
        hint="A new answer for the same time takes the place of your earlier one."
        defaultValue={latest?.id ?? anyTime}
        options={[
          ...[...milestones].reverse().map((m) => ({ value: m.id, label: m.name })),
          { value: anyTime, label: 'Any time (no milestone)' },
        ]}
      />
      <RadioField
        idBase="reflection-rung"
        name="rung"
        legend="Where does the project stand now?"
        error={form.problems.fieldError('rung') ?? form.problems.fieldError('ladder')}
        options={[...rungs].reverse().map((r) => ({
          value: String(r.value),
          label: `${r.value}. ${r.name}`,
          hint: `${r.group}. ${r.description}`,
        }))}
      />
      <p className="field__hint">
        The steps of {ladders[ladder].name}, from the top down. {ladders[ladder].source}
      </p>
      <fieldset className="fieldset cube-fieldset">
        <legend className="field__label">How does it feel? Move each slider.</legend>
        {cubeDimensions.map((d) => (
          <CubeSlider key={d} id={ids[d]} dimension={d} error={form.problems.fieldError(d)} />
        ))}
      </fieldset>
      <TextArea
        {...form.problems.field('note')}
        label="Anything you want to add (optional)"
        hint="Only you and the admins can read it, unless you tick the box below."
        rows={4}
        maxLength={2000}
      />
      <Checkbox
        id="reflection-share"
        name="shareNote"
        value="yes"
        label="Share my note with the team (without my name)"
      />
    </FormPanel>
  );
}
