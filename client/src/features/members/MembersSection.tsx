import { useState } from 'react';
import type { Member } from '../../../../shared/contracts/workspaces';
import { toApiError } from '../../api/ApiError';
import type { Resource } from '../../app/useResource';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { StatusMessage } from '../../components/StatusMessage';
import { CreditMeSetting } from './CreditMeSetting';
import type { MemberActionResult } from './memberActions';
import { MemberRow } from './MemberRow';

interface MembersSectionProps {
  workspaceId: string;
  myId: string;
  canManage: boolean;
  members: Resource<Member[]>;
  onChanged(): void;
}

export function MembersSection({ workspaceId, myId, canManage, members, onChanged }: MembersSectionProps) {
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const showEmails = members.status === 'ready' && members.data.some((m) => m.email !== undefined);

  const onResult = (result: MemberActionResult) => {
    if (result.ok) {
      setProblems([]);
      setStatus(result.message);
      onChanged();
    } else {
      setStatus('');
      setProblems([{ message: toApiError(result.error).message }]);
    }
  };

  return (
    <section className="section" aria-labelledby="members-title">
      <h2 className="heading-l" id="members-title">
        Members
      </h2>
      <ErrorSummary items={problems} />
      <StatusMessage tone="success">{status}</StatusMessage>
      {members.status === 'loading' ? <p>Loading members…</p> : null}
      {members.status === 'failed' ? <p className="field__error">{members.error.message}</p> : null}
      {members.status === 'ready' ? (
        <div className="table-wrap">
          {/* Explicit roles keep the table a table for screen readers when narrow screens restyle it as cards. */}
          <table role="table" className="table" aria-labelledby="members-title">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  Name
                </th>
                {showEmails ? (
                  <th role="columnheader" scope="col">
                    Email
                  </th>
                ) : null}
                <th role="columnheader" scope="col">
                  Role
                </th>
                {canManage ? (
                  <th role="columnheader" scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {members.data.map((m) => (
                <MemberRow
                  key={m.userId}
                  workspaceId={workspaceId}
                  member={m}
                  isMe={m.userId === myId}
                  canManage={canManage}
                  showEmail={showEmails}
                  onResult={onResult}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CreditMeSetting workspaceId={workspaceId} />
    </section>
  );
}
