import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connect';
import { columnKind, type ColumnKind } from './columnValues';

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Part of the primary key, in key order (0 when not). */
  pkPosition: number;
}

export interface TableInfo {
  name: string;
  /** Columns that hold data; generated ones (PostgreSQL's search vector) are left out: the database makes them. */
  columns: ColumnInfo[];
  /** The tables this one's foreign keys point at (itself included when it does). */
  references: string[];
  foreignKeys: ForeignKey[];
}

export interface ForeignKey {
  column: string;
  parent: string;
  parentColumn: string;
}

/** What of a table goes in an archive: which columns, and which rows (all when `where` is undefined). */
export interface TableView {
  columns: ColumnInfo[];
  where?: RawBuilder<boolean>;
}

/** What goes in an archive: everything, or one workspace's share (`null` leaves a table out). */
export interface ArchiveScope {
  manifest: { kind: 'database' } | { kind: 'workspace'; workspaceId: string };
  viewOf(table: TableInfo): TableView | null;
  blobPrefix: string;
  workspaceId?: string;
}

export const wholeInstall: ArchiveScope = {
  manifest: { kind: 'database' },
  viewOf: (table) => ({ columns: table.columns }),
  blobPrefix: 'workspaces/',
};

/** Columns never handed out in one workspace's download: password and token hashes. */
const SECRET_COLUMN = /_hash$/;

/**
 * One workspace's share of every table, found from the foreign keys as the tables are: the workspace's row, the rows
 * with its `workspace_id`, the rows pointing at those (a comment's clip, an update's document), and so on; its
 * members' accounts without their password hashes. Tables that only point at people (sessions) stay out.
 */
export function workspaceScope(tables: TableInfo[], workspaceId: string): ArchiveScope {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const found = new Map<string, RawBuilder<boolean> | null>();
  const rowsOf = (table: TableInfo): RawBuilder<boolean> | null => {
    if (found.has(table.name)) return found.get(table.name)!;
    found.set(table.name, null);
    let where: RawBuilder<boolean> | null = null;
    if (table.name === 'workspaces') where = sql<boolean>`${sql.ref('id')} = ${workspaceId}`;
    else if (table.name === 'users') {
      where = sql<boolean>`${sql.ref('id')} in (select ${sql.ref('user_id')} from ${sql.table('memberships')}
        where ${sql.ref('workspace_id')} = ${workspaceId})`;
    } else if (table.columns.some((c) => c.name === 'workspace_id')) {
      where = sql<boolean>`${sql.ref('workspace_id')} = ${workspaceId}`;
    } else {
      for (const fk of table.foreignKeys) {
        const parent = byName.get(fk.parent);
        if (!parent || parent === table || parent.name === 'users') continue;
        const parentRows = rowsOf(parent);
        if (!parentRows) continue;
        where = sql<boolean>`${sql.ref(fk.column)} in (select ${sql.ref(fk.parentColumn)} from ${sql.table(parent.name)}
          where ${parentRows})`;
        break;
      }
    }
    found.set(table.name, where);
    return where;
  };
  return {
    manifest: { kind: 'workspace', workspaceId },
    viewOf: (table) => {
      const where = rowsOf(table);
      return where ? { columns: table.columns.filter((c) => !SECRET_COLUMN.test(c.name)), where } : null;
    },
    blobPrefix: `workspaces/${workspaceId}/`,
    workspaceId,
  };
}

export type Row = Record<string, unknown>;

/**
 * Kysely's bookkeeping: the target's own migrations write these. And search's marks of what changed since its last
 * catch-up: derivable, and the target's triggers mark every restored workspace anyway.
 */
const NOT_DATA = /^(kysely_migration|kysely_migration_lock|sqlite_.*|search_changes)$/;

/**
 * What backup and restore need of the database, for any table: the tables and their columns read from the
 * database itself (so a table added by a later migration is in the next backup without a line changed here),
 * rows in primary-key order a batch at a time, and inserts with foreign-key checks held until commit.
 */
export function backupRepository(db: Db, dialect: 'sqlite' | 'postgres') {
  const postgres = dialect === 'postgres';

  async function tableNames(): Promise<string[]> {
    const rows = postgres
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
        ).rows
      : // Virtual tables (the FTS index) and their shadow tables are rebuilt by triggers as rows go in.
        (
          await sql<{
            name: string;
            type: string;
          }>`select name, type from pragma_table_list where schema = 'main'`.execute(db)
        ).rows.filter((r) => r.type === 'table');
    return rows
      .map((r) => r.name)
      .filter((n) => !NOT_DATA.test(n))
      .sort();
  }

  async function columnsOf(table: string): Promise<ColumnInfo[]> {
    if (postgres) {
      const { rows } = await sql<{ name: string; type: string; generated: string; pk: number | null }>`
        select c.column_name as name, c.data_type as type, c.is_generated as generated,
          (select array_position(i.indkey::int2[], a.attnum) from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attname = c.column_name
            where i.indrelid = to_regclass(quote_ident(c.table_name)) and i.indisprimary
              and a.attnum = any(i.indkey)) as pk
        from information_schema.columns c
        where c.table_schema = current_schema() and c.table_name = ${table}
        order by c.ordinal_position`.execute(db);
      return rows
        .filter((r) => r.generated !== 'ALWAYS')
        .map((r) => ({ name: r.name, kind: columnKind(r.type), pkPosition: r.pk ?? 0 }));
    }
    const { rows } = await sql<{ name: string; type: string; pk: number; hidden: number }>`
      select name, type, pk, hidden from pragma_table_xinfo(${table})`.execute(db);
    return rows
      .filter((r) => r.hidden === 0)
      .map((r) => ({ name: r.name, kind: columnKind(r.type), pkPosition: r.pk }));
  }

  async function foreignKeysOf(table: string): Promise<ForeignKey[]> {
    const { rows } = postgres
      ? await sql<ForeignKey>`select a.attname as column, p.relname as parent, pa.attname as "parentColumn"
          from pg_constraint k
          join pg_class p on p.oid = k.confrelid
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
          join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
          where k.contype = 'f' and k.conrelid = to_regclass(quote_ident(${table}))
          order by k.conname`.execute(db)
      : await sql<ForeignKey>`select "from" as "column", "table" as parent, "to" as "parentColumn"
          from pragma_foreign_key_list(${table}) order by id`.execute(db);
    return rows;
  }

  const orderColumns = (table: TableInfo) => {
    const pk = table.columns.filter((c) => c.pkPosition > 0).sort((a, b) => a.pkPosition - b.pkPosition);
    return pk.length > 0 ? pk : table.columns;
  };
  const refs = (names: string[]) =>
    sql.join(
      names.map((n) => sql.ref(n)),
      sql`, `,
    );

  return {
    async tables(): Promise<TableInfo[]> {
      const names = await tableNames();
      return Promise.all(
        names.map(async (name) => {
          const foreignKeys = await foreignKeysOf(name);
          const references = [...new Set(foreignKeys.map((k) => k.parent))].sort();
          return { name, columns: await columnsOf(name), references, foreignKeys };
        }),
      );
    },

    /**
     * The rows after `after` (the last row of the previous batch) in primary-key order; keyset paging, so a large
     * table costs the same per batch from start to end. `scope` narrows the rows (one workspace's).
     */
    async batchAfter(table: TableInfo, after: Row | undefined, limit: number, view?: TableView): Promise<Row[]> {
      const scope = view?.where;
      const columns = view?.columns ?? table.columns;
      const order = orderColumns(table).map((c) => c.name);
      const conditions: RawBuilder<unknown>[] = [];
      if (after) {
        const values = sql.join(order.map((n) => sql`${after[n]}`));
        conditions.push(sql`(${refs(order)}) > (${values})`);
      }
      if (scope) conditions.push(scope);
      const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
      const { rows } = await sql<Row>`select ${refs(columns.map((c) => c.name))} from ${sql.table(table.name)}
        ${where} order by ${refs(order)} limit ${limit}`.execute(db);
      return rows;
    },

    async countRows(table: string): Promise<number> {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    /** Inserts archived rows (already converted for this database), in one statement. */
    async insertRows(tx: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
      if (rows.length === 0) return;
      const values = sql.join(rows.map((r) => sql`(${sql.join(r.map((v) => sql`${v}`))})`));
      await sql`insert into ${sql.table(table)} (${refs(columns)}) values ${values}`.execute(tx);
    },

    /**
     * Holds foreign-key checks until commit inside `tx`, so rows can go in table by table even where a table points
     * at itself (replies to comments). PostgreSQL's keys are not deferrable as created, so they are made so for the
     * transaction and put back by `checkAndRestoreKeys`.
     */
    async deferKeys(tx: Db): Promise<void> {
      if (!postgres) {
        await sql`pragma defer_foreign_keys = on`.execute(tx);
        return;
      }
      for (const k of await foreignKeys(tx)) {
        await sql`alter table ${sql.table(k.table)} alter constraint ${sql.ref(k.name)} deferrable initially deferred`.execute(
          tx,
        );
      }
    },

    /** Checks every key now (a broken one throws) and makes PostgreSQL's keys immediate again, as migrations made them. */
    async checkAndRestoreKeys(tx: Db): Promise<void> {
      if (!postgres) {
        const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_check`.execute(tx);
        if (rows.length > 0) throw new Error(`rows in ${rows[0]!.table} point at rows that are not there`);
        return;
      }
      await sql`set constraints all immediate`.execute(tx);
      for (const k of await foreignKeys(tx)) {
        await sql`alter table ${sql.table(k.table)} alter constraint ${sql.ref(k.name)} not deferrable`.execute(tx);
      }
    },

    /** PostgreSQL: moves each serial column's sequence past the ids restored, so the next insert gets a new one. */
    async advanceSequences(tx: Db): Promise<void> {
      if (!postgres) return;
      const { rows } = await sql<{ table: string; column: string }>`select table_name as table, column_name as column
        from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%'`.execute(
        tx,
      );
      for (const { table, column } of rows) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
          from ${sql.table(table)}`.execute(tx);
      }
    },

    /** The ids of every document (or one workspace's), whose Yjs state goes in the archive. */
    async documentIds(workspaceId?: string): Promise<{ id: string; workspaceId: string }[]> {
      let q = db.selectFrom('documents').select(['id', 'workspace_id']).orderBy('id');
      if (workspaceId) q = q.where('workspace_id', '=', workspaceId);
      return (await q.execute()).map((r) => ({ id: r.id, workspaceId: r.workspace_id }));
    },
  };

  async function foreignKeys(tx: Db): Promise<{ table: string; name: string }[]> {
    const { rows } = await sql<{ table: string; name: string }>`select c.relname as table, k.conname as name
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() order by 1, 2`.execute(tx);
    return rows;
  }
}

export type BackupRepository = ReturnType<typeof backupRepository>;
