import { useRef, useState } from 'react';
import type { Member } from '../../../../shared/contracts/workspaces';
import { roleLabels } from '../../../../shared/roles';
import { Button } from '../../components/Button';
import { ConfirmRemoval } from './ConfirmRemoval';
import type { MemberActionResult } from './memberActions';
import { RoleChanger } from './RoleChanger';

interface MemberRowProps {
  workspaceId: string;
  member: Member;
  isMe: boolean;
  canManage: boolean;
  /** Admins and editors get members' emails from the server; nobody else does, and sees no column for them. */
  showEmail: boolean;
  onResult(result: MemberActionResult): void;
}

/** One person: name, email, role; for admins, a role picker and "Remove" with a confirm step below the row. */
export function MemberRow({ workspaceId, member, isMe, canManage, showEmail, onResult }: MemberRowProps) {
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const manageable = canManage && !isMe;
  const columns = 2 + (showEmail ? 1 : 0) + (canManage ? 1 : 0);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeButton.current?.focus());
  };

  return (
    <>
      <tr role="row">
        <th role="rowheader" scope="row" className="table__name">
          {member.name}
          {isMe ? <span className="quiet"> (you)</span> : null}
        </th>
        {showEmail ? (
          <td role="cell" data-label="Email" className="table__email">
            {member.email}
          </td>
        ) : null}
        <td role="cell" data-label="Role">
          {manageable ? (
            <RoleChanger key={member.role} workspaceId={workspaceId} member={member} onResult={onResult} />
          ) : (
            roleLabels[member.role]
          )}
        </td>
        {canManage ? (
          <td role="cell" className="table__action">
            {manageable ? (
              <Button
                variant="secondary"
                ref={removeButton}
                aria-expanded={confirming}
                onClick={() => setConfirming(true)}
              >
                Remove<span className="visually-hidden"> {member.name}</span>
              </Button>
            ) : null}
          </td>
        ) : null}
      </tr>
      {confirming ? (
        <tr role="row" className="table__confirm-row">
          <td role="cell" colSpan={columns}>
            <ConfirmRemoval workspaceId={workspaceId} member={member} onResult={onResult} onCancel={cancel} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
