/**
 * SPL macros, ESCU layout: one YAML file per macro (rules/macros/, or macros/ in security_content's
 * layout) with `name`, `definition`, `arguments`, `description`. security_content writes the plain
 * name plus an `arguments` list (`security_content_ctime` with `[field]`); Splunk's macros.conf
 * names the stanza `name(n)`. Both are accepted; the key is always Splunk's (`macroKey`).
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { MacroDefinition } from './model.ts';
import { parseYamlSource } from '../source/yaml-source.ts';
import { asRecord, str, strList } from '../source/values.ts';

export function loadMacroSource(text: string, file: string): { macros: MacroDefinition[]; diagnostics: Diagnostic[] } {
  const parsed = parseYamlSource(text, file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const macros: MacroDefinition[] = [];
  for (const d of parsed.docs) {
    const doc = asRecord(d.value);
    const name = str(doc?.name);
    const definition = str(doc?.definition);
    if (!doc || name === undefined || definition === undefined) {
      diagnostics.push({
        code: 'rule/macro-invalid', severity: 'error', file, span: d.locate([name === undefined ? 'name' : 'definition']),
        message: 'a macro file needs string `name` and `definition` keys',
      });
      continue;
    }
    const args = strList(doc.arguments);
    const m = /\((\d+)\)$/.exec(name);
    if (m && Number(m[1]) !== args.length) {
      diagnostics.push({
        code: 'rule/macro-invalid', severity: 'error', file, span: d.locate(['arguments'], 'key'),
        message: `macro '${name}' declares ${m ? m[1] : 0} argument(s) in its name but lists ${args.length}`,
      });
    }
    macros.push({ name: macroKey(name, args.length), definition, arguments: args, description: str(doc.description), file });
  }
  return { macros, diagnostics };
}

/** Splunk's key for a macro: `name(n)` when it takes n > 0 arguments, else `name`. */
export function macroKey(name: string, argCount: number): string {
  return /\(\d+\)$/.test(name) || argCount === 0 ? name : `${name}(${argCount})`;
}
