import type { ExportUpdatedEvent } from '../../../shared/realtime/events';
import type { DocumentExportsTable } from '../../db/schema';
import type { EventBus } from '../../events';
import { workspaceRoom, type ChorusServer } from '../../realtime/socketServer';

export const exportEvent = (row: DocumentExportsTable): ExportUpdatedEvent => ({
  workspaceId: row.workspace_id,
  documentId: row.document_id,
  exportId: row.id,
  status: row.status,
  progress: row.progress,
});

/**
 * Export progress goes to the workspace room, like render progress: it carries only ids, status and a
 * fraction, and every member there may read (and export) every document in it.
 */
export function forwardExportEvents(io: ChorusServer, bus: EventBus): void {
  bus.on('export:updated', (e) => io.to(workspaceRoom(e.workspaceId)).emit('export:updated', e));
}
