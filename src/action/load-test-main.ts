/** Entry point of the bundled companion action (`load-test/dist/index.js`): runs it and nothing else. */
import { run } from './load-test.js';

await run();
