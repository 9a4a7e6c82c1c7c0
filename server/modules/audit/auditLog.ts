/**
 * The audit trail's old entry point, for modules not yet moved to `services.audit`
 * (episodes and music): the insert itself lives in auditRepository.ts.
 */
export { recordAudit, type AuditEntry } from './auditRepository';
