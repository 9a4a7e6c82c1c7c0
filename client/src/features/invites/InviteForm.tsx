import { LabelledSection } from '../../components/LabelledSection';
import { useState } from 'react';
import type { CreatedInvite } from '../../../../shared/contracts/invites';
import { roleSchema, type Role } from '../../../../shared/roles';
import { createInvite } from './invitesApi';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { SelectField } from '../../components/SelectField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { roleInSentence, roleOptions } from '../workspaces/roleWords';
import { CopyLink } from './CopyLink';
import { formatDate } from './formatDate';

const ids = { role: 'invite-role' };

function linkHint(invite: CreatedInvite): string {
  const who =
    invite.maxUses === 1 ? 'one person' : invite.maxUses ? `${invite.maxUses} people` : 'anyone you send it to';
  return `Send this to the person you are inviting, by email or text message. It lets ${who} join as ${roleInSentence(invite.role)}, until ${formatDate(invite.expiresAt)}.`;
}

export function InviteForm({ workspaceId, roles }: { workspaceId: string; roles: Role[] }) {
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  const form = useSubmitForm(ids, {
    read: (element) => roleSchema.safeParse(formText(element, 'role')),
    send: async (role) => {
      if (role.success) setInvite(await createInvite(workspaceId, { role: role.data }));
    },
  });

  return (
    <LabelledSection className="panel" headingId="invite-title" headingClass="heading-l" title="Invite someone">
      <p>Make a link for one person. When they open it, they can create an account and join straight away.</p>
      <FormWithSummary form={form} submit="Create invite link">
        <SelectField
          {...form.problems.field('role')}
          label="Their role"
          defaultValue={roles.includes('carer') ? 'carer' : roles[0]}
          options={roleOptions(roles)}
        />
      </FormWithSummary>
      {invite ? <CopyLink key={invite.id} url={invite.url} hint={linkHint(invite)} /> : null}
    </LabelledSection>
  );
}
