import { type Collection, type Db, MongoClient } from 'mongodb';
import type { ChangeKind, ReviewKind, StagedChange } from './import-review';
import { type ImportStaging, kindsOf, type StagedRow } from './import-staging.port';

interface RowDocument {
  readonly _id: string;
  readonly importId: string;
  readonly seq: number;
  /** The review kinds the line belongs to: one query selects any of them, each line once. */
  readonly kinds: readonly ReviewKind[];
  readonly change: StagedChange;
}

/** Durable before acknowledged, as the SQLite file is fsynced: a reviewed import survives a crash. */
const DURABLE = { writeConcern: { w: 'majority' as const, journal: true } };

/**
 * Import staging in MongoDB, beside the read models: every server of a distributed setup sees
 * the same reviews, and nothing is left in a local file.
 */
export class MongoImportStaging implements ImportStaging {
  private readonly rowsOf: Collection<RowDocument>;
  private readonly applying: Collection<{ _id: string }>;

  private constructor(
    private readonly client: MongoClient,
    db: Db,
  ) {
    this.rowsOf = db.collection<RowDocument>('catalog_import_rows');
    this.applying = db.collection<{ _id: string }>('catalog_imports_applying');
  }

  static async connect(options: { url: string; database?: string }): Promise<MongoImportStaging> {
    const client = await MongoClient.connect(options.url);
    const staging = new MongoImportStaging(client, client.db(options.database));
    await staging.rowsOf.createIndex({ importId: 1, kinds: 1, seq: 1 });
    await staging.rowsOf.createIndex({ importId: 1, seq: 1 });
    return staging;
  }

  async stage(importId: string, rows: readonly StagedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.rowsOf.bulkWrite(
      rows.map(({ seq, change }) => {
        const document = {
          _id: `${importId}:${seq}`,
          importId,
          seq,
          kinds: kindsOf(change),
          change,
        };
        return {
          replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true },
        };
      }),
      { ordered: false, ...DURABLE },
    );
  }

  async clear(importId: string): Promise<void> {
    await this.rowsOf.deleteMany({ importId }, DURABLE);
  }

  async rows(
    importId: string,
    kinds: readonly ReviewKind[],
    afterSeq: number,
    limit: number,
  ): Promise<StagedRow[]> {
    if (kinds.length === 0) return [];
    const found = await this.rowsOf
      .find({ importId, kinds: { $in: [...kinds] }, seq: { $gt: afterSeq } })
      .sort({ seq: 1 })
      .limit(limit)
      .toArray();
    return found.map(({ seq, change }) => ({ seq, change }));
  }

  async countSelected(importId: string, kinds: readonly ChangeKind[]): Promise<number> {
    if (kinds.length === 0) return 0;
    return this.rowsOf.countDocuments({ importId, kinds: { $in: [...kinds] } });
  }

  async markApplying(importId: string, applying: boolean): Promise<void> {
    if (applying)
      await this.applying.updateOne(
        { _id: importId },
        { $set: { _id: importId } },
        { upsert: true, ...DURABLE },
      );
    else await this.applying.deleteOne({ _id: importId }, DURABLE);
  }

  async applyingImports(): Promise<string[]> {
    return (await this.applying.find({}).toArray()).map((d) => d._id);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
