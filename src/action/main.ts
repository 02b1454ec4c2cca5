/** Entry point of the bundled action (`dist/index.js`): runs the action and nothing else. */
import { run } from './run.js';

await run();
