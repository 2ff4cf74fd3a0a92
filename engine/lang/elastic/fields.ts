/**
 * The field catalogue an Elastic rule's query is checked against: chosen by the rule's index
 * patterns (ir/catalogues), layered over the caller's catalogue (the fields dac's normalizers
 * emit). Other dialects keep the caller's catalogue.
 */
import type { FieldCatalog } from '../../ir/fields.ts';
import { catalogueForIndices } from '../../ir/catalogues/index.ts';
import type { Rule } from '../../rule/model.ts';
import { asRecord, strList } from '../../source/values.ts';

/** The rule's `index` patterns (empty when it names none, e.g. a data view or an ES|QL FROM). */
export function ruleIndices(rule: Rule): string[] {
  return strList(asRecord(rule.document.rule)?.index);
}

export function ruleFields(rule: Rule, base: FieldCatalog | undefined, indices: readonly string[] = ruleIndices(rule)): FieldCatalog | undefined {
  if (!base || rule.dialect !== 'elastic') return base;
  return catalogueForIndices(indices, base);
}
