import { useState } from 'react';
import type { CreatedInvite } from '../../../../shared/contracts/invites';
import { roleSchema, type Role } from '../../../../shared/roles';
import { createInvite } from './invitesApi';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { SelectField } from '../../components/SelectField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { roleInSentence, roleOptions } from '../workspaces/roleWords';
import { TextField } from '../../components/TextField';
import { CopyLink } from './CopyLink';
import { formatDate } from './formatDate';

const ids = { role: 'invite-role', email: 'invite-email' };

function linkHint(invite: CreatedInvite): string {
  const who =
    invite.maxUses === 1 ? 'one person' : invite.maxUses ? `${invite.maxUses} people` : 'anyone you send it to';
  const sent = invite.emailedTo
    ? `We are emailing it to ${invite.emailedTo}. You can also send it yourself`
    : 'Send this to the person you are inviting';
  return `${sent}, by email or text message. It lets ${who} join as ${roleInSentence(invite.role)}, until ${formatDate(invite.expiresAt)}.`;
}

export function InviteForm({ workspaceId, roles }: { workspaceId: string; roles: Role[] }) {
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  const form = useSubmitForm(ids, {
    read: (element) => ({
      role: roleSchema.safeParse(formText(element, 'role')),
      email: formText(element, 'email').trim(),
    }),
    send: async ({ role, email }) => {
      if (role.success) setInvite(await createInvite(workspaceId, { role: role.data, ...(email ? { email } : {}) }));
    },
  });

  return (
    <FormPanel
      headingId="invite-title"
      title="Invite someone"
      lead={
        <p>
          Make a link for one person, and email it to them if you like. When they open it, they can create an account
          and join straight away.
        </p>
      }
      after={invite ? <CopyLink key={invite.id} url={invite.url} hint={linkHint(invite)} /> : null}
      form={form}
      submit="Create invite link"
    >
      <SelectField
        {...form.problems.field('role')}
        label="Their role"
        defaultValue={roles.includes('carer') ? 'carer' : roles[0]}
        options={roleOptions(roles)}
      />
      <TextField
        {...form.problems.field('email')}
        type="email"
        spellCheck={false}
        label="Their email address (optional)"
        autoComplete="off"
        hint="We will email the link to them. Leave this empty to send the link yourself."
      />
    </FormPanel>
  );
}
