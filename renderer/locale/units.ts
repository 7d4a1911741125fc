// Owns how a byte count is written in user-facing text (MB, one decimal): the bottom layer, so the transport's messages can use it too.

export function toMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
