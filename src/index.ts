// The action's entry: everything lives in run(), which never throws.
import { run } from './main.js';

await run();
