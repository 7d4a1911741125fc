// Owns the two kinds of database handle, ReadDb (reads) and WriteDb (reads and writes), and `transaction`, the one way a transaction is opened.
//
// As in Signal Desktop the kinds are brands on the one better-sqlite3 handle: a WriteDb is a ReadDb, never the
// reverse, so a function given a ReadDb cannot pass it on to anything that writes. Neither kind exposes
// better-sqlite3's own `transaction`: writes that belong together go through `transaction` below.
import type Database from 'better-sqlite3';

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;

export type ReadDb = Omit<Database.Database, 'transaction'> & { readonly [readBrand]: true };
export type WriteDb = ReadDb & { readonly [writeBrand]: true };

/** The handle a database was opened with, as the writable kind: only its opener (openStore, a test) brands it. */
export const writableDb = (db: Database.Database): WriteDb => db as unknown as WriteDb;

/** Runs `fn` as one transaction on `db`: all of its writes or none. Called inside another, it is a savepoint of that one. */
export function transaction<T>(db: WriteDb, fn: () => T): T {
  return (db as unknown as Database.Database).transaction(fn)();
}
