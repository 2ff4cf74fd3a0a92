/**
 * The rule layer's closed set of diagnostic names. Schema errors are `schema/<ajv keyword>`;
 * YAML/TOML syntax errors come from their sources; ATT&CK ones live in attack/check.ts (AttackCode).
 */
export type RuleCode =
  | 'rule/unknown-dialect'
  | 'rule/empty-file'
  | 'rule/not-a-mapping'
  | 'rule/unsupported-extension'
  | 'rule/read-failed'
  | 'rule/path-refused'
  | 'rule/invalid-utf8'
  | 'rule/car-no-implementation'
  | 'rule/car-not-runnable'
  | 'rule/contentctl-tests'
  | 'rule/escu-v4'
  | 'rule/sigma-custom-key'
  | 'rule/escu-name-too-long'
  | 'rule/escu-file-name'
  | 'rule/escu-missing-filter'
  | 'rule/escu-rba-missing'
  | 'rule/bad-car-id'
  | 'rule/compile-crashed'
  | 'rule/duplicate-id'
  | 'rule/duplicate-name'
  | 'rule/bad-uuid'
  | 'rule/bad-date'
  | 'rule/date-order'
  | 'rule/unknown-dataset'
  | 'rule/invalid-dataset'
  | 'rule/tests-skip-reason'
  | 'rule/macro-invalid'
  | 'rule/duplicate-macro';
