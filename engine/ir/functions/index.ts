/** Importing this registers every language's functions (side effect of each module). */
import './eql.ts';
import './spl.ts';
export { getFunction, functionNames, type FunctionDef, type ValueType } from './registry.ts';
