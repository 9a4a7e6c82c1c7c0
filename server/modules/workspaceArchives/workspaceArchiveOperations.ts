import type { Response } from 'express';
import { archiveSources, workspaceScope, writeBackup } from '../../backup/index';
import { backupRepository } from '../../backup/backupRepository';
import { notFound } from '../../errors';
import { authorize } from '../../policies/authorize';
import { actorIn } from '../../policies/actor';
import type { Services } from '../../services';
import { attachmentDisposition } from '../../storage/contentDisposition';

/** "Workspace name 2026-12-02.tar": what the download is called on the admin's computer. */
export function archiveFileName(workspaceName: string, at: Date): string {
  // Characters no file system takes in a name become spaces (the header itself is made safe by attachmentDisposition).
  const name = [...workspaceName]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .trim();
  return `${name || 'Chorus workspace'} ${at.toISOString().slice(0, 10)}.tar`;
}

/**
 * Everything in one workspace (its rows, files and documents, in the backup format; docs/backup.md) streamed to an
 * admin. Audited before the first byte goes out. On PostgreSQL the rows are read in one repeatable-read
 * transaction (its own connection); on SQLite batch by batch, so the download never holds up the server's writes.
 */
export async function sendWorkspaceArchive(
  services: Services,
  workspaceId: string,
  userId: string,
  res: Response,
): Promise<void> {
  authorize(await actorIn(services, workspaceId, userId), 'workspace.download', 'workspace');
  const workspace = await services.workspaces.findById(workspaceId);
  if (!workspace) throw notFound('workspace');
  await services.audit.record({
    workspaceId,
    actorId: userId,
    action: 'workspace.downloaded',
    subjectId: workspaceId,
  });
  res.setHeader('Content-Type', 'application/x-tar');
  res.setHeader('Content-Disposition', attachmentDisposition(archiveFileName(workspace.name, new Date())));
  res.setHeader('Cache-Control', 'no-store');
  const { config, db, blobs, logger } = services;
  const write = async (reading: typeof db) => {
    const sources = await archiveSources(reading, blobs, logger, config);
    const scope = workspaceScope(await backupRepository(reading, config.database.kind).tables(), workspaceId);
    await writeBackup(sources, res, scope);
  };
  try {
    if (config.database.kind === 'postgres') {
      await db.transaction().setIsolationLevel('repeatable read').execute(write);
    } else {
      await write(db);
    }
  } catch (e) {
    // Headers are gone by now: cutting the connection is how the browser learns the download failed.
    logger.error({ err: e, workspaceId }, 'workspace download failed midway');
    res.destroy(e as Error);
  }
}
