import Database from 'better-sqlite3';

/** Rows per table of a SQLite file (opened read-only), most first: what a run wrote, as a proxy for write volume. */
export function sqliteRowCounts(file: string): { table: string; rows: number }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return tables
      .map(({ name }) => ({ table: name, rows: (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n }))
      .filter((row) => row.rows > 0)
      .sort((a, b) => b.rows - a.rows);
  } finally {
    db.close();
  }
}
