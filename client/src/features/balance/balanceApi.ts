import { balanceSchema, type Balance } from '../../../../shared/contracts/balance';
import { requestJson } from '../../api/http';

export const balancePath = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/balance`;

export const getBalance = (workspaceId: string): Promise<Balance> =>
  requestJson('GET', `/api/workspaces/${encodeURIComponent(workspaceId)}/balance`, balanceSchema);
