// Owns schema version 14: the bureau's 发文登记 (one 文号 per issued letter, never two letters on one), the bureau's
// letter settings (发文机关标志, 文号 prefix, 抄送), and an expert's 专业 on the roster.
import type { Migration } from './migration';

export const migration014: Migration = {
  version: 14,
  name: 'letter-register',
  up(db) {
    db.exec(`
      -- 发文登记: each issued letter holds one 文号 <prefix>〔<year>〕<serial>号. A letter is one session's letter of one
      -- kind for one project; issuing it again keeps its row (and its number). The row keeps the project's name and the
      -- session's title as issued and has no foreign key, so deleting a session never frees a number for reuse.
      CREATE TABLE letter_register (
        id INTEGER PRIMARY KEY,
        prefix TEXT NOT NULL CHECK (length(prefix) BETWEEN 1 AND 30),
        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
        serial INTEGER NOT NULL CHECK (serial > 0),
        number TEXT NOT NULL,
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        letter_kind TEXT NOT NULL,
        session_title TEXT NOT NULL,
        project_name TEXT NOT NULL,
        -- 成文日期 (YYYY-MM-DD) and 签发时间 (ISO 8601) of the latest issue; first_issued_at of the first.
        dated TEXT NOT NULL CHECK (dated GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        issued_at TEXT NOT NULL,
        first_issued_at TEXT NOT NULL,
        UNIQUE (prefix, year, serial),
        UNIQUE (number),
        UNIQUE (session_id, project_id, letter_kind)
      ) STRICT;
      -- The bureau's letter settings, one row: 发文机关标志 text, 文号 prefix (机关代字 + 类别, e.g. 武数据评; empty: derived
      -- from the issuer), 抄送 bodies in order (a JSON array of strings).
      CREATE TABLE bureau_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        issuer_mark TEXT NOT NULL,
        number_prefix TEXT NOT NULL,
        copy_to_json TEXT NOT NULL CHECK (json_valid(copy_to_json) AND json_type(copy_to_json) = 'array'),
        updated_at TEXT NOT NULL
      ) STRICT;
      -- 专业 of a roster expert (the package's optional session.experts[].specialty); '' when not given.
      ALTER TABLE experts ADD COLUMN specialty TEXT NOT NULL DEFAULT '';
    `);
  },
};
