// Owns the ordered list of schema migrations; the schema version is SQLite's user_version.
import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [migration001];
export const latestVersion = migrations[migrations.length - 1].version;
