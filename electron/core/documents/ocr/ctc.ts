// Owns reading the recognition model's output: CTC greedy decoding against PaddleOCR's character list (ppocr_keys_v1.txt).

export interface Decoded {
  text: string;
  /** Mean probability of the characters kept (0 when none). */
  confidence: number;
  /** Where each character of `text` sits, as the index of the time step that produced it. */
  steps: number[];
}

/**
 * The model answers, per time step, a probability for each class: 0 is CTC's blank, 1…n the keys file's lines in order,
 * n + 1 a space. The most likely class per step is kept unless it is blank or repeats the step before.
 */
export function ctcGreedy(probs: Float32Array, offset: number, steps: number, classes: number, keys: readonly string[]): Decoded {
  let text = '';
  let sum = 0;
  const at: number[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > bestP) [best, bestP] = [c, p];
    }
    if (best !== 0 && best !== previous) {
      text += best <= keys.length ? keys[best - 1]! : ' ';
      sum += bestP;
      at.push(t);
    }
    previous = best;
  }
  return { text, confidence: at.length ? sum / at.length : 0, steps: at };
}

/** The keys file: one character a line (the last line may lack its newline). */
export function parseKeys(content: string): string[] {
  const keys = content.split(/\r?\n/);
  if (keys.at(-1) === '') keys.pop();
  return keys;
}
