import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import type { ProductEvent } from '../catalog/product.events';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { ProductSnapshots } from '../catalog/product-snapshots';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { UnknownEntityError } from '../shared/domain/domain-errors';
import type { Position } from '../shared/eventstore/event-envelope';
import { uploadedFile, uploadReadError } from '../shared/http/uploads';
import { IMAGE_STORE, type ImageStore } from '../shared/images/image-store.port';
import { AddProductImage } from '../catalog/product.commands';
import { imagesFull, PRODUCT_IMAGE_LIMIT } from '../catalog/product-image-limit';
import {
  type ImageFacts,
  type ImageFormat,
  inspectImage,
  renderVariant,
  type StagedUpload,
  stageUpload,
  tooLarge,
} from './image-renditions';
import { invalidFields } from '../shared/http/invalid-fields';

/** The form field the picture is sent in. */
export const UPLOAD_FIELD = 'file';

/** What an upload answers: the picture's hash and where each size of it is served. */
export interface UploadedImage {
  readonly hash: string;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly urls: { readonly original: string; readonly medium: string; readonly thumbnail: string };
}

export interface ImageUpload {
  readonly image: UploadedImage;
  /** False when the product already listed this picture: nothing was appended. */
  readonly added: boolean;
  readonly position: Position | null;
}

export function imageUrls(hash: string): UploadedImage['urls'] {
  return {
    original: `/images/${hash}`,
    medium: `/images/${hash}/medium`,
    thumbnail: `/images/${hash}/thumbnail`,
  };
}

/**
 * A picture uploaded for a product: checked by its content, stored content-addressed (the
 * original and its two sizes) and listed on the product. The product is checked first, so an
 * upload for an unknown product is refused before its bytes are read and nothing is stored.
 */
@Injectable()
export class ProductImages {
  /** Pictures decoded at once: each may take a few hundred MB while it is resized. */
  private readonly renders = new Gate(2);

  constructor(
    @Inject(IMAGE_STORE) private readonly store: ImageStore,
    private readonly products: ProductSnapshots,
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(
    productId: string,
    request: FastifyRequest,
    context: CommandContext,
  ): Promise<ImageUpload> {
    const state = await this.products.find(productId);
    if (!state) throw new UnknownEntityError('product', productId);
    const staged = await this.receive(request);
    try {
      const facts = await inspectImage(staged.path);
      const images = state.details.images;
      if (!images.includes(staged.hash) && images.length >= PRODUCT_IMAGE_LIMIT) {
        throw imagesFull(productId);
      }
      await this.storeOnce(staged, facts);
      const outcome = await this.commands.execute<AddProductImage, CommandOutcome<ProductEvent>>(
        new AddProductImage(productId, staged.hash, context),
      );
      const { hash, bytes } = staged;
      const { format, width, height } = facts;
      return {
        image: { hash, format, width, height, bytes, urls: imageUrls(hash) },
        added: outcome.events.length > 0,
        position: outcome.position,
      };
    } finally {
      await staged.remove();
    }
  }

  /** The upload's one file, streamed to a temporary file; a form that is not right is a 4xx. */
  private async receive(request: FastifyRequest): Promise<StagedUpload> {
    const maxBytes = this.config.images.maxUploadBytes;
    const { file } = await uploadedFile(request, maxBytes);
    if (file.fieldname !== UPLOAD_FIELD) {
      file.file.resume();
      throw fileError(`send the picture in the form field "${UPLOAD_FIELD}"`);
    }
    let staged: StagedUpload;
    try {
      staged = await stageUpload(file.file, maxBytes);
    } catch (error) {
      throw uploadReadError(error, 'the multipart form');
    }
    // The multipart parser stops the file at the limit and marks it cut short.
    if (file.file.truncated) {
      await staged.remove();
      throw tooLarge(maxBytes);
    }
    return staged;
  }

  /**
   * Both sizes are made before anything is stored (a picture that cannot be decoded stores
   * nothing), and the original is stored last: an original in the store has its sizes too.
   */
  private async storeOnce(staged: StagedUpload, facts: ImageFacts): Promise<void> {
    const { hash, path } = staged;
    if (await this.store.has(hash, 'original')) return;
    const [thumbnail, medium] = await this.renders.run(async () => [
      await renderVariant(path, 'thumbnail'),
      await renderVariant(path, 'medium'),
    ]);
    await this.store.put(hash, 'thumbnail', thumbnail.data, thumbnail.contentType);
    await this.store.put(hash, 'medium', medium.data, medium.contentType);
    await this.store.put(hash, 'original', createReadStream(path), facts.contentType);
  }
}

function fileError(error: string): BadRequestException {
  return invalidFields({ [UPLOAD_FIELD]: error });
}

/** At most `limit` tasks at once; the others wait their turn in order. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    while (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
