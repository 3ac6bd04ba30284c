import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer, ApiBinaryAnswer } from '../shared/http/api-answer';
import { PRODUCT_IMAGES_ANSWERS } from './product-images.answers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../auth/access.decorators';
import type { CommandContext } from '../shared/commands/command-context';
import { setLogPosition } from '../shared/http/log-position';
import { PatternPipe } from '../shared/http/pattern.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import { AcceptsUploads } from '../shared/http/uploads';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { IMAGE_STORE, type ImageStore, type ImageVariant } from '../shared/images/image-store.port';
import type { RenditionVariant } from './image-renditions';
import { ProductImages, UPLOAD_FIELD, type UploadedImage } from './product-images.service';

const hashPipe = new PatternPipe(
  'hash',
  /^[0-9a-fA-F]{64}$/,
  'hash must be the sha256 of an image: 64 hexadecimal digits',
);
const variantPipe = new PatternPipe(
  'variant',
  /^(medium|thumbnail)$/,
  'variant must be medium or thumbnail',
);

/**
 * A stored image never changes under its address: the browser may keep it for good. Only the
 * browser: the route needs a sign-in, so no shared cache may keep it (`private`).
 */
const CACHE_FOREVER = 'private, max-age=31536000, immutable';

@ApiTags('images')
@ApiBearerAuth()
@Controller()
export class ProductImagesController {
  constructor(
    private readonly images: ProductImages,
    @Inject(IMAGE_STORE) private readonly store: ImageStore,
  ) {}

  /**
   * Adds a picture to the product: 201 when it is newly listed there, 200 when the product
   * already had these exact bytes (stored once, listed once, the same hash). Judged by content:
   * JPEG, PNG, WebP, AVIF, TIFF or GIF, else 415; over IMAGE_MAX_BYTES, 413.
   */
  @Allow('purchasing')
  @ApiOperation({ summary: 'Upload a product image' })
  @ApiAnswer(200, PRODUCT_IMAGES_ANSWERS.upload200)
  @ApiAnswer(201, PRODUCT_IMAGES_ANSWERS.upload201)
  @Post('products/:id/images')
  @AcceptsUploads()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  async upload(
    @Param('id', new UuidPipe()) productId: string,
    @Req() request: FastifyRequest,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadedImage> {
    const { image, added, position } = await this.images.upload(productId, request, context);
    setLogPosition(reply, position);
    void reply.header('location', image.urls.original);
    if (!added) void reply.status(200);
    return image;
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'An image as it was uploaded' })
  @ApiBinaryAnswer('The image as uploaded; 304 when If-None-Match names it', [
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/avif',
    'image/tiff',
    'image/gif',
  ])
  @Get('images/:hash')
  original(
    @Param('hash', hashPipe) hash: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return this.serve(hash.toLowerCase(), 'original', ifNoneMatch, reply);
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'A smaller rendition of an image (medium or thumbnail)' })
  @ApiBinaryAnswer('The rendition; 304 when If-None-Match names it', ['image/webp'])
  @Get('images/:hash/:variant')
  variant(
    @Param('hash', hashPipe) hash: string,
    @Param('variant', variantPipe) variant: RenditionVariant,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return this.serve(hash.toLowerCase(), variant, ifNoneMatch, reply);
  }

  private async serve(
    hash: string,
    variant: ImageVariant,
    ifNoneMatch: string | undefined,
    reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const etag = `"${hash}-${variant}"`;
    if (matches(ifNoneMatch, etag)) {
      if (!(await this.store.has(hash, variant))) throw notFound(hash, variant);
      void reply.status(304).header('etag', etag).header('cache-control', CACHE_FOREVER);
      return undefined;
    }
    const image = await this.store.open(hash, variant);
    if (!image) throw notFound(hash, variant);
    void reply
      .header('etag', etag)
      .header('cache-control', CACHE_FOREVER)
      .header('content-type', image.contentType);
    return new StreamableFile(image.stream, { type: image.contentType, length: image.bytes });
  }
}

/** If-None-Match compares weakly: `W/"x"` matches `"x"`, and `*` matches anything there is. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

function notFound(hash: string, variant: ImageVariant): NotFoundException {
  const what = variant === 'original' ? 'image' : `${variant} image`;
  return new NotFoundException(`${what} ${hash} does not exist`);
}
