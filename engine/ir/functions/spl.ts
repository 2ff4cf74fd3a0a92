/** SPL functions, registered as 'spl.<name>'. Filled by the spl front-end (see registry.ts). */
import { registerFunctions, type FunctionDef } from './registry.ts';

const defs: FunctionDef[] = [];

registerFunctions(defs);
