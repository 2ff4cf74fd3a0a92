/** Back-ends whose tables are Windows-only (SPL, Sentinel KQL) refuse other Sigma log sources with one reason, written once here. */
import type { IrQuery } from '../ir/types.ts';

/** The reason `target` cannot write this query, when it reads a non-Windows Sigma log source; otherwise undefined. */
export function nonWindowsSource(q: IrQuery, target: string, table: string): string | undefined {
  const origin = q.kind === 'event' ? q.source?.origin : undefined;
  if (origin?.lang !== 'sigma' || origin.product === undefined || origin.product.toLowerCase() === 'windows') return undefined;
  return `dac's ${target} export writes Windows event ${target === 'SPL' ? 'searches' : 'queries'} only; Sigma log source ${JSON.stringify({ product: origin.product, category: origin.category, service: origin.service })} has no ${table} mapping yet`;
}
