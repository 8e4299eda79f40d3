// The generation worker's entry: worker threads start without the TypeScript loader of the process that
// made them, so this registers tsx (as bin/dancu.js does) and then runs the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./generation-worker.ts');
