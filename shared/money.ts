// Owns money at the edge: integer fen (分) in code and storage, shown as 万元 with two decimals (1 万元 = 1,000,000 分).
const grouping = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 123456789 分 → "123.46"; 1,234,567,890,000 分 → "1,234,567.89". */
export function fenToWan(fen: number): string {
  const hundredths = Math.round(Math.abs(fen) / 10_000); // one hundredth of 万元 = 10,000 分
  const whole = Math.floor(hundredths / 100);
  const cents = String(hundredths % 100).padStart(2, '0');
  return `${fen < 0 && hundredths > 0 ? '-' : ''}${grouping.format(whole)}.${cents}`;
}

/**
 * The largest amount any money field of a package may hold: 1 万亿元 (10^14 分), far below 2^53 分, so fen stay
 * exact integers and a sum of ninety such amounts still does. Larger numbers used to pass the schema and then fail
 * every review call; they are refused where the package is read, with the field's path.
 */
export const MAX_YUAN = 1e12;
export const MAX_FEN = MAX_YUAN * 100;

/** Whether a sum of fen is still an exact integer in a double (≤ 2^53 − 1). */
export const isSafeFen = (fen: number): boolean => Number.isSafeInteger(Math.round(fen)) && Math.abs(fen) <= Number.MAX_SAFE_INTEGER;

/** Yuan as the package file writes it (≤ 2 decimals, checked by the manifest schema) to integer fen (分). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Integer fen (分) to yuan as the exchange files write it (spec §1: ≤ 2 decimals): 8,000,050 分 → 80000.5. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Integer fen as the exact 万元 an expert would type back: 6,666,667 分 → "6.666667", 10,000,000 分 → "10". */
export function fenToWanExact(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const fraction = String(abs % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 1_000_000)}${fraction ? `.${fraction}` : ''}`;
}
