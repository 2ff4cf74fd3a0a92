/** EQL functions, registered as 'eql.<name>'. Filled by the eql front-end (see registry.ts). */
import { registerFunctions, type FunctionDef } from './registry.ts';

const defs: FunctionDef[] = [];

registerFunctions(defs);
