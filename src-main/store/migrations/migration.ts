import type Database from 'better-sqlite3-multiple-ciphers';

/** One numbered step of the schema (listed in index.ts, applied in one transaction). */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}
