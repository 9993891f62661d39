/**
 * Builds the transformers.js tokenizer files for Universal Sentence Encoder Lite from its
 * SentencePiece vocabulary (`vocab.json`: `[piece, score]` pairs, ids 0–5 reserved).
 *
 * Target: the ids of the official wrapper's tokenizer (`@tensorflow-models/universal-sentence-encoder`
 * 1.3.3), exactly, for every input. That tokenizer does NFKC, replaces each ' ' by '▁', prepends one
 * '▁' (not to the empty string), then runs a Viterbi search over the pieces (ids ≥ 6) in which an
 * unknown character scores 0 and consecutive unknowns collapse into one id 0. A plain transformers.js
 * Unigram model gets the scores right but not three details, each handled below:
 *
 * 1. Ties. Repeated text ("111", "....", "billbill") often has two best segmentations with exactly
 *    the same float score. The reference keeps the one whose last piece is shortest; transformers.js
 *    keeps the longest. Scores cannot break such ties (both sides hold the same pieces), so the
 *    normalizer follows every character with a block of `blockSize` filler characters (spaces), and a piece
 *    of n characters is stored with its inner blocks plus a tail of fillers whose length falls as n
 *    grows. Pieces ending at the same character then end at different points of the block, and
 *    zero-score filler tokens carry the best score forward one point at a time: transformers.js
 *    compares candidates in the order the reference does, and adding 0 keeps every float sum exactly
 *    the reference's. The filler tokens are dropped after encoding (see `lattice_filler_token`).
 * 2. Unknown characters. transformers.js scores its own unknown node (min score − 10), not 0, which
 *    would shift every later sum. So the normalizer turns each run of characters that occur in no
 *    piece into one '\uFFFD', stored at id 0 as a zero-score piece. transformers.js still adds its
 *    fallback node (`<unk>`, an id past the model's vocabulary) at every character, but each known
 *    character is itself a piece scoring at least 10 points more, so the fallback never wins.
 * 3. A zero score at the start. The reference treats a best score of exactly 0 as "nothing yet", so
 *    zero-score pieces that start at position 0 ('▁:', '▁:)', ...) never win there (":)" gives '▁', ':',
 *    ')'). An extra filler after the leading '▁' keeps those pieces from matching at the start only.
 *
 * Reserved ids 1–5 ('<s>', ...) keep their plain strings: normalized text has a filler after every
 * character, so they can never match, as in the reference, whose lattice skips them. There is no
 * pre-tokenizer (the reference segments the whole string at once), no post-processor (nothing is
 * added around the ids) and no decoder (we never decode). `null` scores, present in the vocabulary,
 * count as 0, as `null + x` does in the reference.
 *
 * The price of exactness, measured in Node with the USE Lite vocabulary (16 piece lengths, so blocks
 * of 16): tokenizer.json ≈ 1.8 MB (≈ 130 KB gzipped), ≈ 65 MB of transformers.js vocabulary trie in
 * memory, ≈ 2 ms per sentence; a plain Unigram file needs ≈ 6 MB and ≈ 0.3 ms but differs on ties.
 */

export type SentencePieceVocab = ReadonlyArray<readonly [string, number | null]>;

/** Ids 0–5: id 0 is the unknown id, 1–5 are control symbols the reference never matches. */
const RESERVED_SYMBOLS_COUNT = 6;
const WORD_BOUNDARY = '\u2581';
const UNKNOWN_PLACEHOLDER = '\ufffd';
/**
 * Any character that occurs in no piece would do: it reaches the lattice only as inserted by the
 * normalizer. A space occurs in none (the normalizer has already turned spaces into '▁') and, being
 * one byte, keeps tokenizer.json at half the size a two-byte filler gives.
 */
const LATTICE_FILLER = ' ';
/** transformers.js's own unknown token: an id outside the model's vocabulary, never emitted. */
const LATTICE_FALLBACK_UNK = '<unk>';

const codePoints = (text: string): string[] => Array.from(text);
/** A regex atom for one code point, immune to regex syntax and to transformers.js's pattern rewriting. */
const regexChar = (char: string): string => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
const regexCharClass = (chars: readonly string[]): string => chars.map(regexChar).join('');

/** Produces `tokenizer.json` and `tokenizer_config.json` contents; the same vocabulary gives the same JSON. */
export function buildTokenizerFiles(vocab: SentencePieceVocab): { tokenizer: object; tokenizerConfig: object } {
  if (vocab.length <= RESERVED_SYMBOLS_COUNT) throw new Error(`vocab.json has ${vocab.length} entries; expected more than ${RESERVED_SYMBOLS_COUNT}.`);
  const pieces = vocab.slice(RESERVED_SYMBOLS_COUNT);
  if (pieces.some(([piece]) => piece.length === 0)) throw new Error('vocab.json has an empty piece.');

  const knownChars = [...new Set(pieces.flatMap(([piece]) => codePoints(piece)))].sort(
    (a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0),
  );
  for (const reserved of [LATTICE_FILLER, UNKNOWN_PLACEHOLDER]) {
    if (knownChars.includes(reserved)) throw new Error(`vocab.json uses U+${(reserved.codePointAt(0) ?? 0).toString(16)}, which the tokenizer reserves.`);
  }
  // Otherwise the reference would score such a character as unknown (0) where no piece matches it, and transformers.js would not.
  const singleCharPieces = new Set(pieces.map(([piece]) => piece).filter((piece) => codePoints(piece).length === 1));
  const notPieces = knownChars.filter((char) => !singleCharPieces.has(char));
  if (notPieces.length > 0) throw new Error(`vocab.json has characters that are not pieces on their own: ${notPieces.join(' ')}`);

  // One block point per distinct piece length; the shortest pieces end last, so they win exact ties.
  const lengths = [...new Set(pieces.map(([piece]) => codePoints(piece).length))].sort((a, b) => a - b);
  const blockSize = lengths.length;
  const block = LATTICE_FILLER.repeat(blockSize);
  const tailByLength = new Map(lengths.map((length, rank) => [length, blockSize - 1 - rank]));
  const spread = (piece: string): string => {
    const chars = codePoints(piece);
    return chars.join(block) + LATTICE_FILLER.repeat(tailByLength.get(chars.length) ?? 0);
  };

  const unigramVocab: [string, number][] = vocab.map(([piece, score], id) => {
    if (id === 0) return [spread(UNKNOWN_PLACEHOLDER), 0];
    if (id < RESERVED_SYMBOLS_COUNT) return [piece, score ?? 0];
    return [spread(piece), score ?? 0];
  });
  unigramVocab.push([LATTICE_FILLER, 0], [LATTICE_FALLBACK_UNK, 0]);

  const normalizers: object[] = [
    { type: 'NFKC' },
    { type: 'Replace', pattern: { String: ' ' }, content: WORD_BOUNDARY },
    // Empty text never reaches the normalizer, so, as in the reference, '' stays [].
    { type: 'Prepend', prepend: WORD_BOUNDARY },
    { type: 'Replace', pattern: { Regex: `[^${regexCharClass(knownChars)}]+` }, content: UNKNOWN_PLACEHOLDER },
    // An empty match after every character (code point, thanks to the `u` flag).
    { type: 'Replace', pattern: { Regex: '(?<=[\\s\\S])' }, content: block },
  ];
  const blockedAtStart = zeroScoreStartChars(pieces);
  if (blockedAtStart.length > 0) {
    normalizers.push({
      type: 'Replace',
      pattern: { Regex: `^${regexChar(WORD_BOUNDARY)}${regexChar(LATTICE_FILLER)}{${blockSize}}(?=[${regexCharClass(blockedAtStart)}])` },
      content: WORD_BOUNDARY + block + LATTICE_FILLER,
    });
  }

  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: { type: 'Sequence', normalizers },
    pre_tokenizer: null,
    post_processor: null,
    decoder: null,
    model: { type: 'Unigram', unk_id: unigramVocab.length - 1, vocab: unigramVocab, byte_fallback: false },
  };
  const tokenizerConfig = {
    tokenizer_class: 'PreTrainedTokenizer',
    unk_token: LATTICE_FALLBACK_UNK,
    /** Not a transformers.js setting: the token our loader drops from every encoding. */
    lattice_filler_token: LATTICE_FILLER,
  };
  return { tokenizer, tokenizerConfig };
}

/**
 * The characters c such that a zero-score piece starts with '▁' + c: those pieces never win at the
 * start of the text in the reference. Blocking '▁' + c there is exact only if every piece starting
 * with '▁' + c scores 0, which is checked.
 */
function zeroScoreStartChars(pieces: SentencePieceVocab): string[] {
  const scoreIsZero = (score: number | null): boolean => (score ?? 0) === 0;
  const starts = new Set<string>();
  for (const [piece, score] of pieces) {
    const [first, second] = codePoints(piece);
    if (first !== WORD_BOUNDARY || !scoreIsZero(score)) continue;
    if (second === undefined) throw new Error(`The piece '${WORD_BOUNDARY}' scores 0; the reference's handling of that is not reproduced.`);
    starts.add(second);
  }
  for (const [piece, score] of pieces) {
    const [first, second] = codePoints(piece);
    if (first === WORD_BOUNDARY && second !== undefined && starts.has(second) && !scoreIsZero(score)) {
      throw new Error(`The piece '${piece}' has a non-zero score but shares its start with zero-score pieces; blocking them at the start would block it too.`);
    }
  }
  return [...starts].sort();
}
