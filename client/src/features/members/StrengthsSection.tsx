import { useId, useState, type FormEvent } from 'react';
import {
  grantableAbilities,
  grantableAbilityLabels,
  tryableTaskLabels,
  type MemberStrengths,
  type StrengthsList,
  type TaskOffer,
  type TryableTask,
} from '../../../../shared/contracts/strengths';
import { roleLabels } from '../../../../shared/roles';
import { LoadState } from '../../app/LoadState';
import { useResource } from '../../app/useResource';
import { Button } from '../../components/Button';
import { LabelledSection } from '../../components/LabelledSection';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useAction } from '../../components/useAction';
import { MyStrengthsForm } from './MyStrengthsForm';
import { answerOffer, getStrengths, offerTask, setGrant } from './strengthsApi';

const dateWords = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(iso),
  );

const statusWords: Record<TaskOffer['status'], string> = {
  offered: 'waiting for an answer',
  accepted: 'accepted',
  declined: 'declined',
};

/** What a staff member's action on one member's strengths needs: whom it is for, and what to do once it is done. */
interface MemberActionProps {
  workspaceId: string;
  member: MemberStrengths;
  onDone(): void;
}

/** An editor or admin offers one of the tasks this member would like to try. */
function OfferTaskForm({ workspaceId, member, onDone }: MemberActionProps) {
  const ids = { task: useId(), message: useId() };
  const [task, setTask] = useState<TryableTask>(member.wantsToTry[0]!);
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const { busy, problem, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => offerTask(workspaceId, member.userId, { task, message }))) {
      setStatus(`Offered. ${member.name} has been told and can say yes or no.`);
      setMessage('');
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Offer ${member.name} a task`}>
      <SelectField
        id={ids.task}
        label={`Offer ${member.name} a task`}
        value={task}
        onChange={(e) => setTask(e.target.value as TryableTask)}
        options={member.wantsToTry.map((t) => ({ value: t, label: tryableTaskLabels[t] }))}
        error={problem ?? undefined}
      />
      <TextField
        id={ids.message}
        label="A message (optional)"
        value={message}
        maxLength={1000}
        onChange={(e) => setMessage(e.target.value)}
      />
      <Button type="submit" variant="secondary" busy={busy}>
        Offer the task
      </Button>
      <StatusMessage tone="success">{status}</StatusMessage>
    </form>
  );
}

/** An admin agrees (or takes back) that a carer may also do one thing staff do. */
function GrantButtons({ workspaceId, member, onDone }: MemberActionProps) {
  const { busy, problem, run } = useAction();
  const has = new Set(member.grants.map((g) => g.ability));
  return (
    <div>
      {grantableAbilities.map((ability) => (
        <Button
          key={ability}
          variant={has.has(ability) ? 'warning' : 'secondary'}
          busy={busy}
          onClick={() =>
            void run(() => setGrant(workspaceId, member.userId, ability, !has.has(ability))).then(
              (ok) => ok && onDone(),
            )
          }
        >
          {has.has(ability)
            ? `Take back: ${member.name} can ${grantableAbilityLabels[ability]}`
            : `Agree ${member.name} can also ${grantableAbilityLabels[ability]}`}
        </Button>
      ))}
      {problem ? <p className="field__error">{problem}</p> : null}
    </div>
  );
}

function MemberStrengthsItem({
  workspaceId,
  member,
  list,
  isMe,
  onChanged,
}: {
  workspaceId: string;
  member: MemberStrengths;
  list: StrengthsList;
  isMe: boolean;
  onChanged(): void;
}) {
  const tries = [
    ...member.wantsToTry.map((t) => tryableTaskLabels[t].toLowerCase()),
    ...(member.wantsToTryOther ? [member.wantsToTryOther] : []),
  ];
  return (
    <li className="strengths-list__item">
      <h3 className="heading-s">
        {member.name} <span className="online-list__role">({roleLabels[member.role]})</span>
      </h3>
      <p>{member.brings ? `Brings: ${member.brings}` : 'Has not said yet what they bring.'}</p>
      {tries.length > 0 ? <p>Would like to try: {tries.join(', ')}.</p> : null}
      {member.grants.map((g) => (
        <p key={g.ability}>
          {member.name} can also {grantableAbilityLabels[g.ability]}
          {g.grantedBy ? `, agreed by ${g.grantedBy.name}` : ''} on {dateWords(g.grantedAt)}.
        </p>
      ))}
      {list.abilities.offerTasks && !isMe && member.wantsToTry.length > 0 ? (
        <OfferTaskForm workspaceId={workspaceId} member={member} onDone={onChanged} />
      ) : null}
      {list.abilities.grant && member.role === 'carer' ? (
        <GrantButtons workspaceId={workspaceId} member={member} onDone={onChanged} />
      ) : null}
    </li>
  );
}

/** Tasks offered: to me, to answer; for staff, every offer and its answer. */
function Offers({ list, myId, onChanged }: { list: StrengthsList; myId: string; onChanged(): void }) {
  const { busy, problem, run } = useAction();
  if (list.offers.length === 0) return null;
  const answer = (id: string, a: 'accepted' | 'declined') =>
    void run(() => answerOffer(id, a)).then((ok) => ok && onChanged());
  return (
    <LabelledSection className="section" headingId="offers-heading" headingClass="heading-m" title="Tasks offered">
      {problem ? <p className="field__error">{problem}</p> : null}
      <ul className="strengths-list">
        {list.offers.map((o) => (
          <li className="strengths-list__item" key={o.id}>
            <p>
              {o.userId === myId ? 'You were' : `${o.name} was`} offered: {tryableTaskLabels[o.task].toLowerCase()}
              {o.offeredBy ? `, by ${o.offeredBy.name}` : ''} on {dateWords(o.createdAt)} ({statusWords[o.status]}).
            </p>
            {o.message ? <p>“{o.message}”</p> : null}
            {o.userId === myId && o.status === 'offered' ? (
              <>
                <Button busy={busy} onClick={() => answer(o.id, 'accepted')}>
                  Yes, I would like to
                </Button>{' '}
                <Button variant="secondary" busy={busy} onClick={() => answer(o.id, 'declined')}>
                  No, thank you
                </Button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </LabelledSection>
  );
}

/**
 * People as assets: what each member brings and would like to try, shown to every member; their own form; tasks
 * offered; and, for admins, agreeing that a carer may also assemble episodes or edit scripts.
 */
export function StrengthsSection({ workspaceId, myId }: { workspaceId: string; myId: string }) {
  const [list, reload] = useResource(workspaceId, () => getStrengths(workspaceId));
  const me = list.status === 'ready' ? list.data.members.find((m) => m.userId === myId) : undefined;
  return (
    <LabelledSection
      className="section"
      headingId="strengths-heading"
      headingClass="heading-l"
      title="What people bring"
    >
      <LoadState resource={list} loading="Loading…" />
      {list.status === 'ready' ? (
        <>
          <ul className="strengths-list">
            {list.data.members.map((m) => (
              <MemberStrengthsItem
                key={m.userId}
                workspaceId={workspaceId}
                member={m}
                list={list.data}
                isMe={m.userId === myId}
                onChanged={reload}
              />
            ))}
          </ul>
          <Offers list={list.data} myId={myId} onChanged={reload} />
          {me ? (
            <section className="section" aria-labelledby="my-strengths-heading">
              <h3 className="heading-m" id="my-strengths-heading">
                Say what you bring
              </h3>
              <MyStrengthsForm key={me.updatedAt ?? 'new'} workspaceId={workspaceId} me={me} onSaved={reload} />
            </section>
          ) : null}
        </>
      ) : null}
    </LabelledSection>
  );
}
