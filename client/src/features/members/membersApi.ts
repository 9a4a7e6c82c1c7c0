import { memberListSchema, memberSchema, type Member } from '../../../../shared/contracts/workspaces';
import { memberCreditSchema, type MemberCredit, type MemberCreditBody } from '../../../../shared/contracts/publishing';
import type { Role } from '../../../../shared/roles';
import { requestEmpty, requestJson } from '../../api/http';

const base = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

export const listMembers = async (id: string): Promise<Member[]> =>
  (await requestJson('GET', `${base(id)}/members`, memberListSchema)).members;

export const changeMemberRole = (id: string, userId: string, role: Role): Promise<Member> =>
  requestJson('PATCH', `${base(id)}/members/${encodeURIComponent(userId)}`, memberSchema, { role });

export const removeMember = (id: string, userId: string): Promise<void> =>
  requestEmpty('DELETE', `${base(id)}/members/${encodeURIComponent(userId)}`);

export const getMyCredit = (id: string): Promise<MemberCredit> =>
  requestJson('GET', `${base(id)}/members/me/credit`, memberCreditSchema);

export const setMyCredit = (id: string, body: MemberCreditBody): Promise<MemberCredit> =>
  requestJson('PATCH', `${base(id)}/members/me/credit`, memberCreditSchema, body);
