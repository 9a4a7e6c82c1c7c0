import type { Db } from '../../db/connect';
import type { Gripp2ReportsTable, ImpactEntriesTable } from '../../db/schema';

/** The GRIPP2 report and the impact log (migration 028). */
export function involvementReportRepository(db: Db) {
  return {
    gripp2: (workspaceId: string) =>
      db.selectFrom('gripp2_reports').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),

    async saveGripp2(row: Gripp2ReportsTable): Promise<void> {
      const { workspace_id: _w, ...change } = row;
      await db
        .insertInto('gripp2_reports')
        .values(row)
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(change))
        .execute();
    },

    entries: (workspaceId: string) =>
      db
        .selectFrom('impact_entries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('occurred_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    findEntry: (id: string) => db.selectFrom('impact_entries').selectAll().where('id', '=', id).executeTakeFirst(),

    async addEntry(row: ImpactEntriesTable): Promise<void> {
      await db.insertInto('impact_entries').values(row).execute();
    },

    async setView(id: string, side: 'staff' | 'carer', text: string, by: string, at: string): Promise<void> {
      await db
        .updateTable('impact_entries')
        .set(
          side === 'staff'
            ? { staff_view: text, staff_view_by: by, staff_view_at: at }
            : { carer_view: text, carer_view_by: by, carer_view_at: at },
        )
        .where('id', '=', id)
        .execute();
    },
  };
}
