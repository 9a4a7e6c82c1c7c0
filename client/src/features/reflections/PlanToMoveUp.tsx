import type { Milestone, PlanAction } from '../../../../shared/contracts/reflections';
import type { Member } from '../../../../shared/contracts/workspaces';
import { roleLabels } from '../../../../shared/roles';
import { Button } from '../../components/Button';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { LabelledSection } from '../../components/LabelledSection';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useAction } from '../../components/useAction';
import { useSubmitForm } from '../../components/useSubmitForm';
import { dateWords } from '../involvement/involvementWords';
import { addAction, changeAction, removeAction } from './reflectionsApi';

const ids = {
  text: 'plan-text',
  ownerId: 'plan-owner',
  dueOn: 'plan-due',
  reviewMilestoneId: 'plan-review',
};

function AddActionForm({
  workspaceId,
  members,
  milestones,
  onAdded,
  onError,
}: {
  workspaceId: string;
  members: Member[];
  milestones: Milestone[];
  onAdded(): void;
  onError(hasError: boolean): void;
}) {
  const form = useSubmitForm(ids, {
    read: (el) => ({
      text: formText(el, 'text').trim(),
      ownerId: formText(el, 'ownerId'),
      dueOn: formText(el, 'dueOn'),
      reviewMilestoneId: formText(el, 'reviewMilestoneId'),
    }),
    check: ({ text, ownerId, dueOn }) => {
      const fields = [];
      if (text === '') fields.push({ path: 'text', message: 'Say what will be done to move up the ladder' });
      if (ownerId === '') fields.push({ path: 'ownerId', message: 'Choose who will do it' });
      if (dueOn === '') fields.push({ path: 'dueOn', message: 'Enter the date it should be done by' });
      return fields;
    },
    send: async ({ text, ownerId, dueOn, reviewMilestoneId }, el) => {
      await addAction(workspaceId, { text, ownerId, dueOn, reviewMilestoneId: reviewMilestoneId || null });
      el.reset();
      onAdded();
    },
    doneMessage: 'The action is added to the plan.',
    onError,
  });
  return (
    <FormPanel
      headingId="add-action-heading"
      title="Add an action"
      headingClass="heading-m"
      saysDone
      form={form}
      submit="Add to the plan"
    >
      <TextField {...form.problems.field('text')} label="What will be done" autoComplete="off" />
      <SelectField
        {...form.problems.field('ownerId')}
        label="Who will do it"
        none="Choose a person"
        options={members.map((m) => ({ value: m.userId, label: `${m.name} (${roleLabels[m.role]})` }))}
      />
      <TextField {...form.problems.field('dueOn')} label="Done by" type="date" />
      <SelectField
        {...form.problems.field('reviewMilestoneId')}
        label="Look at it again at"
        none="The next milestone (not named yet)"
        options={milestones.map((m) => ({ value: m.id, label: m.name }))}
      />
    </FormPanel>
  );
}

function ActionItem({
  action,
  milestones,
  mayEdit,
  onChanged,
}: {
  action: PlanAction;
  milestones: Milestone[];
  mayEdit: boolean;
  onChanged(): void;
}) {
  const { busy, problem, run } = useAction();
  const review = milestones.find((m) => m.id === action.reviewMilestoneId);
  const toggle = async () => {
    if (await run(() => changeAction(action.id, { status: action.status === 'done' ? 'open' : 'done' }))) onChanged();
  };
  const remove = async () => {
    if (await run(() => removeAction(action.id))) onChanged();
  };
  return (
    <li className="card-list__item">
      <p className="plan__text">
        {action.text} <strong className="tag">{action.status === 'done' ? 'Done' : 'To do'}</strong>
      </p>
      <p className="card-list__meta">
        {action.owner ? action.owner.name : 'No one (their account was deleted)'}, by {dateWords(action.dueOn)}.{' '}
        {review ? `Looked at again at “${review.name}”.` : 'Looked at again at the next milestone.'}
      </p>
      <ProblemAlert problem={problem} />
      <div className="button-group">
        {action.mayMarkDone ? (
          <Button variant="secondary" busy={busy} onClick={() => void toggle()}>
            {action.status === 'done' ? 'Open it again' : 'Mark as done'}
            <span className="visually-hidden">: {action.text}</span>
          </Button>
        ) : null}
        {mayEdit ? (
          <Button variant="warning" busy={busy} onClick={() => void remove()}>
            Remove<span className="visually-hidden">: {action.text}</span>
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** The plan to move up the ladder: what the team will do, who, by when, and when it is looked at again. */
export function PlanToMoveUp({
  workspaceId,
  actions,
  members,
  milestones,
  mayEdit,
  onChanged,
  onError,
}: {
  workspaceId: string;
  actions: PlanAction[];
  members: Member[] | null;
  milestones: Milestone[];
  mayEdit: boolean;
  onChanged(): void;
  onError(hasError: boolean): void;
}) {
  return (
    <LabelledSection className="section" headingId="plan-heading" headingClass="heading-l" title="Our plan to move up">
      <p>What we will do to share more of the power, who does it and by when. We look at it again at each milestone.</p>
      {actions.length === 0 ? <p>There is nothing in the plan yet.</p> : null}
      <ul className="card-list">
        {actions.map((a) => (
          <ActionItem key={a.id} action={a} milestones={milestones} mayEdit={mayEdit} onChanged={onChanged} />
        ))}
      </ul>
      {mayEdit && members ? (
        <AddActionForm
          workspaceId={workspaceId}
          members={members}
          milestones={milestones}
          onAdded={onChanged}
          onError={onError}
        />
      ) : null}
    </LabelledSection>
  );
}
