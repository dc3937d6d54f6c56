import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.ts";

export type SqliteDatabase = Database.Database;

/** Opens (creating if needed) the embedded SQLite file in WAL mode and applies pending migrations. */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  migrate(database);
  return database;
}

function migrate(database: SqliteDatabase): void {
  const current = database.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    const apply = database.transaction(() => {
      database.exec(MIGRATIONS[version] as string);
      database.pragma(`user_version = ${version + 1}`);
    });
    apply();
  }
}
