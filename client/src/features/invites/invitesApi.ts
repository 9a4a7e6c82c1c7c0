import type { SignUpBody } from '../../../../shared/contracts/auth';
import {
  acceptedInviteSchema,
  createdInviteSchema,
  invitePreviewSchema,
  type AcceptedInvite,
  type CreateInviteBody,
  type CreatedInvite,
  type InvitePreview,
} from '../../../../shared/contracts/invites';
import { requestJson } from '../../api/http';

const invitePath = (token: string) => `/api/invites/${encodeURIComponent(token)}`;

export const createInvite = (workspaceId: string, body: CreateInviteBody): Promise<CreatedInvite> =>
  requestJson('POST', `/api/workspaces/${encodeURIComponent(workspaceId)}/invites`, createdInviteSchema, body);

export const previewInvite = (token: string): Promise<InvitePreview> =>
  requestJson('GET', invitePath(token), invitePreviewSchema);

/** Signed in: join as yourself. Otherwise pass the account to create; it joins in the same step. */
export const acceptInvite = (token: string, account?: SignUpBody): Promise<AcceptedInvite> =>
  requestJson('POST', `${invitePath(token)}/accept`, acceptedInviteSchema, account ?? {});
