/**
 * Tables keyed by user input (issue 15): a plain `{}` answers `constructor`, `toString` and
 * `__proto__` from Object.prototype, so a rule naming field `constructor` found a function.
 * `table()` makes a null-prototype copy of a literal table; `own()` reads any object safely.
 */
export function table<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export function own<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** True for names a plain object inherits (`constructor`, `toString`, `__proto__` …). */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}
