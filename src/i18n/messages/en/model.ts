/** Texts about the on-device model: its page, load progress, backends and each model's state. */
export const model = {
  computeBackend: 'Compute backend',
  /** The backend actually running. */
  backend: {
    webgpu: 'WebGPU',
    wasm: 'WASM',
    cpu: 'CPU',
  },
  /** The chooser's options. */
  preference: {
    auto: 'Automatic (fastest available)',
    webgpu: 'WebGPU (graphics card)',
    wasm: 'WASM (WebAssembly on the processor)',
    cpu: 'CPU (plain JavaScript, slowest)',
  },
  /** What the engine is doing while it gets ready, and how long each stage took. */
  stage: {
    backend: 'Starting the compute backend',
    download: 'Downloading the language model',
    tokenizer: 'Loading the tokenizer',
    warmup: 'Warming up the language model',
    recommender: 'Downloading the recommendation model',
    catalog: 'Encoding the product catalog on this device',
  },
  progress: {
    downloadLabel: 'Model download',
    filesLoaded: 'Model files loaded',
    /** The stage and the file it is on (a file name, marked as not translated). */
    stageWithFile: '{{stage}} (<file>{{file}}</file>)',
    bytesOf: '{{loaded}} of {{total}}',
    catalogLabel: 'Catalog encoding',
    catalogEncoded: 'Catalog encoded',
    catalogReused: 'Catalog encoding reused from this device',
    catalogEncoding: 'Encoding the catalog',
    catalogWaiting: 'Catalog encoding waits for the model',
    /** `count` is the number of products (for the plural), `total` the same number written for the language. */
    products_one: '{{encoded}} of {{total}} product',
    products_other: '{{encoded}} of {{total}} products',
  },
  /** Each model's state on the model page (short labels: the facts list gives them a narrow column on phones). */
  models: {
    encoder: {
      label: 'Language model',
      inUse: 'In use for search and for reading your goals: every file matched its size and SHA-256 in the manifest.',
      unavailable: 'Unavailable, so search and suggestions are off.',
    },
    recommender: {
      label: 'Recommender',
      inUse: 'In use for suggestions (For you): every file matched its size and SHA-256 in the manifest.',
      unavailable: 'Unavailable, so suggestions are off.',
    },
  },
  notLoaded: {
    idle: 'Not loaded yet.',
    loading: 'Loading and checking its files.',
    error: 'Not loaded: see the message at the top of the page.',
  },
  timings: {
    total: 'Total',
  },
  page: {
    heading: 'On-device model',
    intro:
      'The language model and the recommendation model are downloaded once from this site and run in your browser. What you type, your profile and what you do with products never leave this device.',
    stateHeading: 'State',
    status: 'Status',
    statusText: {
      idle: 'Not started.',
      loading: 'Loading: the page stays usable meanwhile.',
      ready: 'Ready: search and recommendations run on this device.',
      error: 'Could not be loaded: see the message at the top of the page.',
    },
    partlyReady: 'Ready, without a model whose files failed: see "Models" below. Everything that does not need it works.',
    notChosen: 'Not chosen yet',
    fallbackReason: 'Why not a faster backend',
    modelFiles: 'Model files',
    modelsHeading: 'Models',
    timingsHeading: 'Time per stage',
    timingsLater: 'Shown once the model is ready.',
    backendHint: 'Choosing another backend reloads the model on it; your profile and activity are kept.',
  },
};
