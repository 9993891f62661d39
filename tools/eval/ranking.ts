/**
 * Top-K selection under the protocol's ranking rule: higher score first, equal scores by item id
 * ascending (item index order is id order, see Dataset), excluded items never ranked.
 */

/** Whether `a` ranks above `b`. */
function ranksAbove(scores: Float32Array, a: number, b: number): boolean {
  const sa = scores[a]!;
  const sb = scores[b]!;
  return sa > sb || (sa === sb && a < b);
}

/**
 * The best `k` items of `scores` (fewer when fewer are candidates), best first, skipping items whose
 * `excluded` flag is set. A bounded heap keeps this O(n log k) rather than sorting every item.
 * Scores must not be NaN (NaN has no place in the order; the harness rejects it before calling).
 */
export function topK(scores: Float32Array, excluded: Uint8Array, k: number): Int32Array {
  // Min-heap by rank: the root is the worst item kept so far, the one a better candidate replaces.
  const heap = new Int32Array(Math.max(0, Math.min(k, scores.length)));
  let size = 0;
  const worse = (a: number, b: number): boolean => ranksAbove(scores, b, a);
  const siftUp = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = (): void => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < size && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < size && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let item = 0; item < scores.length; item++) {
    if (excluded[item]) continue;
    if (size < heap.length) {
      heap[size] = item;
      siftUp(size++);
    } else if (size > 0 && ranksAbove(scores, item, heap[0]!)) {
      heap[0] = item;
      siftDown();
    }
  }
  return heap.slice(0, size).sort((a, b) => (ranksAbove(scores, a, b) ? -1 : 1));
}
