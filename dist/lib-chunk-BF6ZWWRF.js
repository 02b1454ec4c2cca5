import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  validateModel
} from "./lib-chunk-ZFKH7BIN.js";
import {
  readJsonFile
} from "./lib-chunk-4C3UKEYM.js";

// src/predictor/model-file.ts
async function readModelFile(flag, path, cwd) {
  return validateModel(await readJsonFile(path, flag, cwd), path);
}

export {
  readModelFile
};
