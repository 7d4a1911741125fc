// Owns how an instant is written for people: the local calendar date and clock time in Chinese ("2027年3月5日 14:05").

/** An ISO timestamp in this machine's local time: "2027年3月5日 14:05" (with `seconds`, "14:05:09"); unparseable text is returned as given. */
export function formatDateTime(iso: string, options: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(d.getHours())}:${two(d.getMinutes())}${options.seconds ? `:${two(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${clock}`;
}
