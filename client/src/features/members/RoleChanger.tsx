import { useId, useState, type FormEvent } from 'react';
import type { Member } from '../../../../shared/contracts/workspaces';
import { roles, roleSchema } from '../../../../shared/roles';
import { changeMemberRole } from './membersApi';
import { Button } from '../../components/Button';
import { roleInSentence, roleOptions } from '../workspaces/roleWords';
import type { MemberActionResult } from './memberActions';

interface RoleChangerProps {
  workspaceId: string;
  member: Member;
  onResult(result: MemberActionResult): void;
}

/** Pick a new role and press "Change", so moving through the list by keyboard changes nothing by accident. */
export function RoleChanger({ workspaceId, member, onResult }: RoleChangerProps) {
  const id = useId();
  const [role, setRole] = useState(member.role);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || role === member.role) return;
    setBusy(true);
    try {
      const updated = await changeMemberRole(workspaceId, member.userId, role);
      onResult({ ok: true, message: `${updated.name} is now ${roleInSentence(updated.role)}.` });
    } catch (error) {
      onResult({ ok: false, error });
      setRole(member.role);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        Role for {member.name}
      </label>
      <select
        id={id}
        className="select select--compact"
        value={role}
        onChange={(e) => setRole(roleSchema.parse(e.target.value))}
      >
        {roleOptions(roles).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" busy={busy}>
        Change<span className="visually-hidden"> role for {member.name}</span>
      </Button>
    </form>
  );
}
