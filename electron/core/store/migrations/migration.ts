// Owns the shape of one schema migration (its version, its name and the change it makes), shared by each migration file and the ordered list in ./index.
import type { WriteDb } from '../access';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the transaction that also sets user_version to `version`. */
  up(db: WriteDb): void;
}
