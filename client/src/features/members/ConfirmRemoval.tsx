import { useEffect, useRef, useState } from 'react';
import type { Member } from '../../../../shared/contracts/workspaces';
import { removeMember } from './membersApi';
import { Button } from '../../components/Button';
import type { MemberActionResult } from './memberActions';

interface ConfirmRemovalProps {
  workspaceId: string;
  member: Member;
  onResult(result: MemberActionResult): void;
  onCancel(): void;
}

/** The second step of "Remove": nobody is removed by one slip of the finger. */
export function ConfirmRemoval({ workspaceId, member, onResult, onCancel }: ConfirmRemovalProps) {
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);

  const remove = async () => {
    setBusy(true);
    try {
      await removeMember(workspaceId, member.userId);
      onResult({ ok: true, message: `${member.name} has been removed from this workspace.` });
    } catch (error) {
      onResult({ ok: false, error });
      setBusy(false);
      onCancel();
    }
  };

  return (
    <div className="confirm">
      <p className="confirm__question" tabIndex={-1} ref={question}>
        Remove {member.name} from this workspace? They will no longer be able to open it.
      </p>
      <div className="button-group">
        <Button variant="warning" busy={busy} onClick={remove}>
          Yes, remove {member.name}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
