/** An honest placeholder for commands whose issue has not landed yet. */
export function notBuilt(command: string, issue: number): never {
  process.stderr.write(`dac ${command}: not built yet (see issue ${issue}).\n`);
  process.exit(2);
}
