/**
 * Windows command-line splitting (the CommandLineToArgvW rules, with the pre-2008 handling of
 * doubled quotes), so process.args matches what Winlogbeat computes.
 */
export function splitCommandLine(cmd: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = cmd.length;
  while (i < n) {
    while (i < n && (cmd[i] === ' ' || cmd[i] === '\t')) i++;
    if (i >= n) break;
    let arg = '';
    let inQuote = false;
    let slashes = 0;
    for (; i < n; i++) {
      const c = cmd[i]!;
      if ((c === ' ' || c === '\t') && !inQuote) break;
      if (c === '\\') { slashes++; continue; }
      if (c === '"') {
        arg += '\\'.repeat(slashes >> 1);
        if (slashes % 2 === 0) {
          if (inQuote && cmd[i + 1] === '"') { arg += '"'; i++; }
          inQuote = !inQuote;
        } else {
          arg += '"';
        }
        slashes = 0;
        continue;
      }
      arg += '\\'.repeat(slashes) + c;
      slashes = 0;
    }
    arg += '\\'.repeat(slashes);
    args.push(arg);
  }
  return args;
}

/** Last path component after a backslash (Winlogbeat's rule: no backslash → no name). */
export function baseName(path: string): string | undefined {
  const i = path.lastIndexOf('\\');
  return i > -1 && i < path.length - 1 ? path.slice(i + 1) : undefined;
}
