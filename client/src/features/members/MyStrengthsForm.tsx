import { useId, useState, type FormEvent } from 'react';
import {
  tryableTaskLabels,
  tryableTasks,
  type MemberStrengths,
  type TryableTask,
} from '../../../../shared/contracts/strengths';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useAction } from '../../components/useAction';
import { TextArea } from '../clips/TextArea';
import { saveMyStrengths } from './strengthsApi';

/** Each person says, for themself, what they bring and what they would like to try. */
export function MyStrengthsForm({
  workspaceId,
  me,
  onSaved,
}: {
  workspaceId: string;
  me: MemberStrengths;
  onSaved(): void;
}) {
  const ids = { brings: useId(), other: useId(), legend: useId() };
  const [brings, setBrings] = useState(me.brings);
  const [tasks, setTasks] = useState<TryableTask[]>(me.wantsToTry);
  const [other, setOther] = useState(me.wantsToTryOther);
  const [status, setStatus] = useState('');
  const { busy, problem, run } = useAction();

  const toggle = (task: TryableTask, on: boolean) =>
    setTasks((now) => (on ? [...now, task] : now.filter((t) => t !== task)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    if (
      await run(() => saveMyStrengths(workspaceId, me.userId, { brings, wantsToTry: tasks, wantsToTryOther: other }))
    ) {
      setStatus('Saved. Everyone in this workspace can see what you bring and would like to try.');
      onSaved();
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <TextArea
        id={ids.brings}
        label="What you bring"
        hint="Your skills and experience, in your own words (up to 1000 characters)."
        value={brings}
        maxLength={1000}
        onChange={(e) => setBrings(e.target.value)}
        error={problem ?? undefined}
      />
      <fieldset className="fieldset" aria-describedby={ids.legend}>
        <legend className="field__label">What you would like to try</legend>
        <p className="field__hint" id={ids.legend}>
          An editor may offer you a chance to try it. You can always say no.
        </p>
        {tryableTasks.map((task) => (
          <Checkbox
            key={task}
            id={`${ids.legend}-${task}`}
            label={tryableTaskLabels[task]}
            checked={tasks.includes(task)}
            onChange={(e) => toggle(task, e.target.checked)}
          />
        ))}
      </fieldset>
      <TextField
        id={ids.other}
        label="Anything else you would like to try (optional)"
        value={other}
        maxLength={300}
        onChange={(e) => setOther(e.target.value)}
      />
      <Button type="submit" variant="secondary" busy={busy}>
        Save what I bring
      </Button>
      <StatusMessage tone="success">{status}</StatusMessage>
    </form>
  );
}
