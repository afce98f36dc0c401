/**
 * Writes one table as an Arrow IPC stream file in record batches, so a table
 * with a million rows never has to exist as one array of row objects.
 *
 * Each chunk is encoded with rowsToArrowIPC (the same column types as the
 * bundled data) and spliced: the first chunk keeps its schema message, later
 * chunks contribute only their record batch, and one end-of-stream marker
 * closes the file. Our tables use no dictionaries, so a batch message needs
 * nothing from its own stream's schema.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { rowsToArrowIPC } from '../../src/schema/arrow.ts';
import type { TableName, TableRows } from '../../src/schema/tables.ts';

const CONTINUATION = 0xffffffff;
const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Length of the schema message at the start of an IPC stream (continuation, length, flatbuffer). */
function schemaMessageLength(ipc: Uint8Array): number {
  const view = new DataView(ipc.buffer, ipc.byteOffset, ipc.byteLength);
  if (view.getUint32(0, true) !== CONTINUATION) throw new Error('Unexpected Arrow IPC layout: no continuation marker');
  return 8 + view.getInt32(4, true);
}

export class ArrowTableFile<N extends TableName> {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private pending: TableRows[N][] = [];
  private wroteSchema = false;
  rows = 0;
  bytes = 0;

  constructor(readonly name: N, path: string, private readonly batchRows = 50_000) {
    this.fd = openSync(path, 'w');
  }

  add(row: TableRows[N]): void {
    this.pending.push(row);
    if (this.pending.length >= this.batchRows) this.flush();
  }

  /** Finishes the file; returns its row count, size and sha256. */
  close(): { rows: number; bytes: number; sha256: string } {
    this.flush();
    if (!this.wroteSchema) this.write(rowsToArrowIPC(this.name, []).subarray(0, -EOS.length));
    this.write(EOS);
    closeSync(this.fd);
    return { rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  private flush(): void {
    if (!this.pending.length) return;
    const ipc = rowsToArrowIPC(this.name, this.pending);
    const body = ipc.subarray(this.wroteSchema ? schemaMessageLength(ipc) : 0, ipc.byteLength - EOS.length);
    this.write(body);
    this.wroteSchema = true;
    this.rows += this.pending.length;
    this.pending = [];
  }

  private write(bytes: Uint8Array): void {
    writeSync(this.fd, bytes);
    this.hash.update(bytes);
    this.bytes += bytes.byteLength;
  }
}
