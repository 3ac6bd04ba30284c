import {
  type Collection,
  type Db,
  GridFSBucket,
  type GridFSFile,
  MongoClient,
  MongoServerError,
  type ObjectId,
} from 'mongodb';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertImageKey,
  type ImageStore,
  type ImageVariant,
  type OpenedImage,
} from './image-store.port';

export interface GridfsImageStoreOptions {
  readonly url: string;
  /** Defaults to the database named in the URL, the one the read models use. */
  readonly database?: string;
  /** `images` unless told otherwise: collections `<bucket>.files` and `<bucket>.chunks`. */
  readonly bucketName?: string;
}

interface ImageFileMetadata {
  readonly hash: string;
  readonly variant: ImageVariant;
  readonly contentType: string;
}

const DUPLICATE_KEY = 11000;
const UNIQUE_NAME_INDEX = 'filename_unique';

/**
 * Images in MongoDB GridFS, one file per (hash, variant), named `<hash>-<variant>`. GridFS writes
 * a file's chunks first and its files document last, so a write cut short leaves chunks nobody
 * can find rather than a partial image: an entry exists exactly when its files document does. A
 * unique index on the name keeps two racing writers of the same image from storing it twice; the
 * loser's chunks are removed. Writes wait for a majority, journalled, before the upload answers.
 */
export class GridfsImageStore implements ImageStore {
  private readonly bucket: GridFSBucket;
  private readonly files: Collection<GridFSFile>;
  private readonly chunks: Collection<{ files_id: ObjectId }>;

  private constructor(
    private readonly client: MongoClient | null,
    db: Db,
    bucketName: string,
  ) {
    this.bucket = new GridFSBucket(db, {
      bucketName,
      writeConcern: { w: 'majority', journal: true },
    });
    this.files = db.collection<GridFSFile>(`${bucketName}.files`);
    this.chunks = db.collection<{ files_id: ObjectId }>(`${bucketName}.chunks`);
  }

  static async connect(options: GridfsImageStoreOptions): Promise<GridfsImageStore> {
    const client = new MongoClient(options.url);
    await client.connect();
    try {
      return await GridfsImageStore.open(client.db(options.database), options.bucketName, client);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** On a database the caller owns (and closes); `client` is closed by `close()` when given. */
  static async open(
    db: Db,
    bucketName = 'images',
    client: MongoClient | null = null,
  ): Promise<GridfsImageStore> {
    const store = new GridfsImageStore(client, db, bucketName);
    await store.files.createIndex({ filename: 1 }, { unique: true, name: UNIQUE_NAME_INDEX });
    // What GridFS itself would make on its first upload, made here so reads never scan.
    await store.chunks.createIndex({ files_id: 1, n: 1 }, { unique: true });
    return store;
  }

  async put(
    hash: string,
    variant: ImageVariant,
    content: Buffer | Readable,
    contentType: string,
  ): Promise<boolean> {
    const filename = nameOf(hash, variant);
    if (await this.has(hash, variant)) {
      if (!Buffer.isBuffer(content)) content.destroy();
      return false;
    }
    const metadata: ImageFileMetadata = { hash, variant, contentType };
    const upload = this.bucket.openUploadStream(filename, { metadata });
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(source, upload);
      return true;
    } catch (error) {
      // Chunks written before the failure belong to no file: remove them, best effort.
      await this.chunks.deleteMany({ files_id: upload.id }).catch(() => undefined);
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
        // Another writer stored the same bytes under this name first.
        return false;
      }
      throw error;
    }
  }

  async has(hash: string, variant: ImageVariant): Promise<boolean> {
    return (await this.fileOf(hash, variant)) !== null;
  }

  async open(hash: string, variant: ImageVariant): Promise<OpenedImage | null> {
    const file = await this.fileOf(hash, variant);
    if (!file) return null;
    const metadata = file.metadata as Partial<ImageFileMetadata> | undefined;
    return {
      bytes: file.length,
      contentType: metadata?.contentType ?? 'application/octet-stream',
      stream: this.bucket.openDownloadStream(file._id),
    };
  }

  async close(): Promise<void> {
    await this.client?.close();
  }

  private fileOf(hash: string, variant: ImageVariant): Promise<GridFSFile | null> {
    return this.files.findOne(
      { filename: nameOf(hash, variant) },
      { projection: { _id: 1, length: 1, metadata: 1 } },
    );
  }
}

function nameOf(hash: string, variant: ImageVariant): string {
  assertImageKey(hash, variant);
  return `${hash}-${variant}`;
}
