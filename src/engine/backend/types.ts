/** A tfjs backend the engine can run on. */
export type BackendName = 'webgpu' | 'wasm' | 'cpu';

/** What the caller asks for; `auto` means WebGPU if an adapter exists, else WASM, else CPU. */
export type BackendPreference = 'auto' | BackendName;
