/**
 * Binary XML token and value-type numbers (libyal's EVTX format notes; Microsoft's MS-EVEN6 BinXml).
 * A token's 0x40 bit ("more bits") means: element has attributes / another attribute or value follows.
 */
export const TOKEN = {
  EndOfStream: 0x00,
  OpenStartElement: 0x01,
  CloseStartElement: 0x02,
  CloseEmptyElement: 0x03,
  EndElement: 0x04,
  Value: 0x05,
  Attribute: 0x06,
  CData: 0x07,
  CharRef: 0x08,
  EntityRef: 0x09,
  PITarget: 0x0a,
  PIData: 0x0b,
  TemplateInstance: 0x0c,
  NormalSubstitution: 0x0d,
  OptionalSubstitution: 0x0e,
  FragmentHeader: 0x0f,
} as const;

export const MORE_BITS = 0x40;

/** Substitution / value types. 0x80 marks an array of the base type. */
export const VT = {
  Null: 0x00,
  WString: 0x01,
  AnsiString: 0x02,
  Int8: 0x03,
  UInt8: 0x04,
  Int16: 0x05,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  Int64: 0x09,
  UInt64: 0x0a,
  Real32: 0x0b,
  Real64: 0x0c,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  SysTime: 0x12,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
  EvtHandle: 0x20,
  BinXml: 0x21,
  EvtXml: 0x23,
} as const;

export const ARRAY_FLAG = 0x80;

/** Fixed byte widths of the fixed-size types (arrays of these are packed back to back). */
export const FIXED_SIZE: Readonly<Record<number, number>> = {
  [VT.Int8]: 1, [VT.UInt8]: 1, [VT.Int16]: 2, [VT.UInt16]: 2, [VT.Int32]: 4, [VT.UInt32]: 4,
  [VT.Int64]: 8, [VT.UInt64]: 8, [VT.Real32]: 4, [VT.Real64]: 8, [VT.Bool]: 4, [VT.Guid]: 16,
  [VT.FileTime]: 8, [VT.SysTime]: 16, [VT.HexInt32]: 4, [VT.HexInt64]: 8,
};

/** Types whose values are known; anything else is a decode error naming the type. */
export function isKnownType(t: number): boolean {
  const base = t & ~ARRAY_FLAG;
  if (t & ARRAY_FLAG && (base === VT.Null || base === VT.BinXml || base === VT.EvtXml || base === VT.EvtHandle)) return false;
  return base <= VT.HexInt64 || base === VT.BinXml || base === VT.EvtHandle || base === VT.EvtXml;
}
