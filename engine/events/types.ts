/**
 * Event-side contracts: what readers yield (source records, with their location), and the
 * normalized ECS event the runtime consumes. Readers know formats, normalizers know schemas;
 * neither knows the other.
 */
import type { FieldValue, Scalar } from '../ir/values.ts';
export type { FieldValue, Scalar } from '../ir/values.ts';
/** Flat ECS document: "process.name" → value. Raw Windows fields sit under winlog.event_data.<Name>. */
export type EcsFields = Record<string, FieldValue>;

export interface Provenance {
  readonly dataset: string;
  /** Path relative to the repo (or as given on the command line). */
  readonly file: string;
  /** 1-based line for text formats. */
  readonly line?: number;
  /** Record number in the file (EVTX record id, pcap packet number, or 1-based record index). */
  readonly record?: number;
  /** Byte offset for binary formats. */
  readonly offset?: number;
}

/** A normalized event as the runtime sees it. */
export interface EcsEvent {
  readonly fields: EcsFields;
  /** Milliseconds since the epoch of the clock the replay chose (see events/normalize). */
  readonly ts: number;
  readonly provenance: Provenance;
  /** Position in the replay (0-based); ties in ts are broken by it, so replays are deterministic. */
  readonly seq: number;
}

// ---- what readers produce -----------------------------------------------------------------

/** The <System> block of a Windows event, as rendered XML or EVTX gives it. */
export interface WinSystem {
  readonly provider: string;
  readonly providerGuid?: string;
  readonly eventSourceName?: string;
  readonly eventId: number;
  readonly qualifiers?: number;
  readonly version?: number;
  readonly level?: number;
  readonly task?: number;
  readonly opcode?: number;
  readonly keywords?: string;
  /** ISO-8601 as written (may be local time with a trailing Z: see normalize). */
  readonly timeCreated: string;
  readonly recordId?: number;
  readonly activityId?: string;
  readonly relatedActivityId?: string;
  readonly processId?: number;
  readonly threadId?: number;
  readonly channel: string;
  readonly computer: string;
  readonly userId?: string;
}

/**
 * A Windows event in one shape whatever carried it (XML text or EVTX binary): System fields, and
 * the EventData <Data Name=…> pairs in order (name absent for unnamed <Data>), or the children of
 * the UserData root element.
 */
export interface WinEventRecord {
  readonly system: WinSystem;
  readonly dataKind: 'EventData' | 'UserData' | 'none';
  readonly data: ReadonlyArray<{ readonly name?: string; readonly value: string }>;
  /** UserData's root element name (e.g. 'EventXML'), when dataKind is UserData. */
  readonly userDataRoot?: string;
  readonly renderingInfo?: { readonly message?: string; readonly level?: string; readonly task?: string; readonly opcode?: string };
}

/** A DCE/RPC PDU decoded from a capture (pcap/pcapng) or summarised by Zeek. */
export interface RpcRecord {
  readonly ts: number;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
  readonly transport: 'tcp' | 'udp';
  /** bind, bind_ack, alter_context, request, response … */
  readonly packetType: string;
  readonly interfaceUuid?: string;
  readonly interfaceVersion?: string;
  readonly interfaceName?: string;
  readonly opnum?: number;
  readonly operation?: string;
  readonly callId?: number;
  readonly namedPipe?: string;
}

export type SourceRecord =
  | { readonly kind: 'win'; readonly win: WinEventRecord }
  /** Already ECS (Winlogbeat / Elastic Agent), flattened to dotted keys. */
  | { readonly kind: 'ecs'; readonly doc: EcsFields }
  /** Raw Windows fields at top level (OTRF Security-Datasets, NXLog JSON). */
  | { readonly kind: 'flat'; readonly doc: Readonly<Record<string, Scalar>> }
  /** A Zeek log line; `log` is the path (conn, dce_rpc …). */
  | { readonly kind: 'zeek'; readonly log: string; readonly doc: Readonly<Record<string, FieldValue>> }
  | { readonly kind: 'rpc'; readonly rpc: RpcRecord };

export interface ReadLocation {
  readonly file: string;
  readonly line?: number;
  readonly record?: number;
  readonly offset?: number;
  readonly chunk?: number;
}

/** Every record read is either yielded or rejected with its location and reason: nothing is dropped. */
export type ReaderItem =
  | { readonly ok: true; readonly record: SourceRecord; readonly loc: ReadLocation }
  | {
      readonly ok: false;
      readonly loc: ReadLocation;
      readonly reason: string;
      /**
       * Set for input that is not a record of this format at all (e.g. classic WinEventLog text
       * between XML events in a Splunk .raw file): reported and counted as skipped, not rejected.
       */
      readonly skipped?: boolean;
    };

export type EventFormat = 'xml' | 'evtx' | 'ndjson' | 'zeek' | 'pcap';

export interface EventReader {
  readonly format: EventFormat;
  /** Sniffs the first bytes (already decompressed) and the file name. */
  detect(head: Uint8Array, fileName: string): boolean;
  /** Streams records; memory stays flat in the file's size. gzip is undone before this sees bytes. */
  read(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem>;
}
