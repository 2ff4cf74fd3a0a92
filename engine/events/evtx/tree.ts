/** The rendered XML tree a record decodes to (the same tree the evtxexport rendering describes). */
export interface XElement {
  readonly name: string;
  readonly attrs: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly children: readonly XNode[];
}
export type XNode = XElement | string;
