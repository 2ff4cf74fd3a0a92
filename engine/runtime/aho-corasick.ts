/**
 * Aho–Corasick over lower-cased literals: one pass over a text reports every literal it contains.
 * Used by the prefilter to test thousands of rule literals against a field value at once.
 */
interface Node { next: Map<number, number>; fail: number; out: number[] }

export class LiteralMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];

  /** `literals[i]` gets id i; they must already be lower-cased. */
  constructor(literals: readonly string[]) {
    literals.forEach((lit, id) => {
      let n = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        let to = this.nodes[n].next.get(c);
        if (to === undefined) {
          to = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[n].next.set(c, to);
        }
        n = to;
      }
      this.nodes[n].out.push(id);
    });
    // Breadth-first failure links; outputs inherit their failure node's outputs.
    const queue: number[] = [...this.nodes[0].next.values()];
    for (let q = 0; q < queue.length; q++) {
      const n = queue[q];
      for (const [c, to] of this.nodes[n].next) {
        let f = this.nodes[n].fail;
        while (f !== 0 && !this.nodes[f].next.has(c)) f = this.nodes[f].fail;
        const cand = this.nodes[f].next.get(c);
        this.nodes[to].fail = cand !== undefined && cand !== to ? cand : 0;
        this.nodes[to].out.push(...this.nodes[this.nodes[to].fail].out);
        queue.push(to);
      }
    }
  }

  /** Calls `hit(id)` for every literal occurring in `text` (possibly more than once). */
  scan(text: string, hit: (id: number) => void): void {
    const nodes = this.nodes;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = nodes[n].next.get(c);
      while (to === undefined && n !== 0) {
        n = nodes[n].fail;
        to = nodes[n].next.get(c);
      }
      n = to ?? 0;
      const out = nodes[n].out;
      for (let k = 0; k < out.length; k++) hit(out[k]);
    }
  }
}
