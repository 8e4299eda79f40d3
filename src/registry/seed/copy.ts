/**
 * Loading the generated chunks: one `COPY` per table and chunk, binary or CSV as the chunk was built. Apart
 * from writer.ts, which the generation worker loads and which must not load the db module.
 */
import { oneChunk, type Tx } from '../../db/index.ts';
import { type Chunk, SEED_TABLE_NAMES, SEED_TABLES } from './writer.ts';

/** Loads a chunk with one `COPY` per table on the transaction's connection. */
export async function copyChunk(tx: Tx, chunk: Chunk): Promise<void> {
  for (const table of SEED_TABLE_NAMES) {
    const rows = chunk[table];
    if (rows === undefined) continue;
    const target = SEED_TABLES[table];
    await (typeof rows === 'string' ? tx.copyFrom(target, oneChunk(rows)) : tx.copyFromBinary(target, oneChunk(rows)));
  }
}
