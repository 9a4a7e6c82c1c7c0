import {
  gripp2ReportSchema,
  impactEntrySchema,
  impactLogSchema,
  type Gripp2Body,
  type Gripp2Report,
  type ImpactEntry,
  type ImpactEntryBody,
  type ImpactLog,
} from '../../../../shared/contracts/involvementReports';
import { requestJson } from '../../api/http';

export const reportsPath = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/reports`;
const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/reports`;

/** Where a report downloads from, as `md`, `docx` or `pdf`. */
export const reportDownloadUrl = (
  workspaceId: string,
  report: 'gripp2' | 'impact-log',
  format: 'md' | 'docx' | 'pdf',
) => `${base(workspaceId)}/${report}.${format}`;

export const getGripp2 = (workspaceId: string): Promise<Gripp2Report> =>
  requestJson('GET', `${base(workspaceId)}/gripp2`, gripp2ReportSchema);

export const saveGripp2 = (workspaceId: string, body: Gripp2Body): Promise<Gripp2Report> =>
  requestJson('PUT', `${base(workspaceId)}/gripp2`, gripp2ReportSchema, body);

export const getImpactLog = (workspaceId: string): Promise<ImpactLog> =>
  requestJson('GET', `${base(workspaceId)}/impact-log`, impactLogSchema);

export const addImpactEntry = (workspaceId: string, body: ImpactEntryBody): Promise<ImpactEntry> =>
  requestJson('POST', `${base(workspaceId)}/impact-log`, impactEntrySchema, body);

export const setImpactView = (entryId: string, side: 'staff' | 'carer', text: string): Promise<ImpactEntry> =>
  requestJson('PUT', `/api/reports/impact-log/${encodeURIComponent(entryId)}/views/${side}`, impactEntrySchema, {
    text,
  });
