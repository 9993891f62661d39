/**
 * The encoder's tokenizer: transformers.js loading the `tokenizer.json` / `tokenizer_config.json`
 * that tools/lib/tokenizer-json.ts generates (see there for why they look the way they do). This is
 * the only module of the app that imports transformers.js, and it configures it to read our own
 * files only: no Hugging Face Hub, no CDN, no cache writes.
 */
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { EngineError } from '../errors';

export interface TextTokenizer {
  /**
   * Token ids for the encoder, with no special tokens, identical to the official Universal Sentence
   * Encoder tokenizer's. Not truncated: the encoder reads at most its first 128 ids, so callers cut there.
   */
  encode(text: string): number[];
}

/**
 * Loads `<modelsRoot><modelDir>/tokenizer.json` and `tokenizer_config.json`. `modelsRoot` is where
 * the model folders live and ends with '/': a URL path such as '/models/' in the browser, an absolute
 * directory in Node. transformers.js keeps its settings and file lookups process-wide, so one
 * process should use one models root. In the browser transformers.js fetches its files; it is
 * handed `verifiedFiles` (name → bytes, already checked against the manifest) instead of the
 * network, so the tokenizer runs on exactly the bytes that were verified, fetched once.
 */
export async function loadTokenizer(modelsRoot: string, modelDir = 'encoder', verifiedFiles: ReadonlyMap<string, Uint8Array> = new Map()): Promise<TextTokenizer> {
  useLocalFilesOnly(modelsRoot, modelDir, verifiedFiles);
  const where = `${modelsRoot}${modelDir}/`;
  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
  } catch (cause) {
    throw new EngineError('MODEL_LOAD_FAILED', `Could not load tokenizer.json and tokenizer_config.json from ${where} (${errorMessage(cause)}). Rebuild the model files (npm run models).`, { cause });
  }

  const fillerId = fillerTokenId(tokenizer);
  if (fillerId === undefined) {
    throw new EngineError('MODEL_LOAD_FAILED', `The tokenizer in ${where} names no lattice filler token; rebuild the model files (npm run models).`);
  }
  const fallbackUnkId = tokenizer.unk_token_id;

  return {
    encode(text) {
      if (typeof text !== 'string') throw new EngineError('INVALID_INPUT', `Text to tokenize must be a string, got ${typeof text}.`);
      let ids: number[];
      try {
        ids = tokenizer.encode(text, { add_special_tokens: false });
      } catch (cause) {
        throw new EngineError('INTERNAL', `Tokenization failed: ${errorMessage(cause)}.`, { cause });
      }
      const tokenIds = ids.filter((id) => id !== fillerId);
      // The generated vocabulary makes transformers.js's own unknown node lose everywhere; seeing it means the files are wrong.
      if (tokenIds.includes(fallbackUnkId)) {
        throw new EngineError('INTERNAL', `The tokenizer in ${where} produced its fallback unknown token; rebuild the model files (npm run models).`);
      }
      return tokenIds;
    },
  };
}

/** Every transformers.js setting that could reach beyond `modelsRoot`, set in one place. */
function useLocalFilesOnly(modelsRoot: string, modelDir: string, verifiedFiles: ReadonlyMap<string, Uint8Array>): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsRoot;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = false;
  env.useWasmCache = false;
  env.fetch = (input: string | URL) => verifiedFileResponse(input, `${modelsRoot}${modelDir}/`, verifiedFiles);
  // We never run ONNX; if ONNX Runtime is present at all, its WASM may come only from our own origin.
  const onnxWasm = env.backends.onnx.wasm;
  if (onnxWasm) onnxWasm.wasmPaths = `${modelsRoot}onnxruntime-unused/`;
}

/**
 * transformers.js fetches only in the browser (Node reads files directly). It gets the verified
 * bytes of a file of the model's folder, a 404 for any other file of our origin (as a server
 * would answer for a file the model does not have), and a refusal for any other origin, whatever a
 * future setting or code path might ask for: it never reaches the network.
 */
function verifiedFileResponse(input: string | URL, modelFolder: string, verifiedFiles: ReadonlyMap<string, Uint8Array>): Promise<Response> {
  const base = typeof location === 'undefined' ? 'file:///' : location.href;
  const url = new URL(input, base);
  if (url.origin !== new URL(base).origin) {
    return Promise.reject(new EngineError('MODEL_LOAD_FAILED', `Refused to fetch ${url.href}: model files come from this origin only.`));
  }
  const folder = new URL(modelFolder, base).pathname;
  const name = url.pathname.startsWith(folder) ? url.pathname.slice(folder.length) : undefined;
  const bytes = name === undefined ? undefined : verifiedFiles.get(name);
  if (!bytes) return Promise.resolve(new Response(null, { status: 404, statusText: 'Not Found' }));
  return Promise.resolve(new Response(bytes.slice(), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

function fillerTokenId(tokenizer: PreTrainedTokenizer): number | undefined {
  const config: unknown = tokenizer.config;
  if (typeof config !== 'object' || config === null || !('lattice_filler_token' in config)) return undefined;
  const filler = config.lattice_filler_token;
  return typeof filler === 'string' ? tokenizer.convert_tokens_to_ids(filler) : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
