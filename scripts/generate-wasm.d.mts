// Types of scripts/generate-wasm.mjs for the tests that import it.
export const sourcePath: string;
export const generatedPath: string;
export const FLAGS: readonly string[];
export function sourceHash(): string;
export function recordedHash(): string | undefined;
export function writeWasmModule(): void;
export function checkWasmModule(): void;
