// Owns the numeric limits a package must stay within (entry count, inflated sizes, compression ratio).
export const limits = {
  maxEntries: 10_000,
  maxEntryBytes: 2 ** 30,
  maxTotalBytes: 4 * 2 ** 30,
  /** Entries smaller than this are never judged by ratio: tiny XML files compress very well. */
  bombMinBytes: 2 ** 20,
  maxCompressionRatio: 200,
  maxManifestBytes: 16 * 2 ** 20,
} as const;
