import { Allow } from '../auth/access.decorators';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { PRODUCT_ANSWERS } from './product.answers';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import type { Money } from '../shared/domain/money';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import type { MoneyDto } from '../shared/http/money.dto';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import type { Page } from '../shared/readmodels/read-model-store.port';
import type { Dimensions } from './imports/sheet-product';
import { parseSize } from './imports/size-notation';
import { normalizeVendorSku, productIdOf } from './product-id';
import { ListProduct, type ProductRevision, ReviseProduct } from './product.commands';
import { ListProductDto, ListProductsDto, ReviseProductDto } from './product.dto';
import type { ProductDetails, ProductEvent } from './product.events';
import { GetProduct, ListProducts, type ProductView } from './product.queries';

@ApiTags('products')
@ApiBearerAuth()
@Allow('purchasing')
@Controller('products')
export class ProductController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * A vendor SKU is one product: its id follows from the vendor and the SKU, so listing the same
   * product again answers with the same id and appends nothing.
   */
  @ApiOperation({ summary: 'Add a product to the catalog' })
  @ApiAnswer(201, PRODUCT_ANSWERS.listProduct)
  @Post()
  @HttpCode(201)
  async listProduct(
    @Body() body: ListProductDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string }> {
    const vendorSku = normalizeVendorSku(body.vendorSku);
    const productId = productIdOf(body.vendorId, vendorSku);
    // Built in one fixed key order: the decider compares details of a repeated listing as JSON.
    const details: ProductDetails = {
      vendorId: body.vendorId,
      vendorSku,
      name: body.name.trim(),
      collection: optionalText(body.collection) ?? null,
      design: optionalText(body.design) ?? null,
      color: optionalText(body.color) ?? null,
      size: optionalText(body.size) ?? null,
      material: optionalText(body.material) ?? null,
      images: imageReferences(body.images) ?? [],
      dimensions: dimensionsOf(optionalText(body.size)) ?? null,
    };
    const outcome = await this.commands.execute<ListProduct, CommandOutcome<ProductEvent>>(
      new ListProduct(productId, details, money(body.cost), money(body.retailPrice), context),
    );
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/products/${productId}`);
    return { id: productId };
  }

  @ApiOperation({ summary: 'Revise a product' })
  @ApiAnswer(200, PRODUCT_ANSWERS.revise)
  @Patch(':id')
  async revise(
    @Param('id', new UuidPipe()) productId: string,
    @Body() body: ReviseProductDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; changed: boolean }> {
    const revision: ProductRevision = {
      name: body.name?.trim(),
      collection: optionalText(body.collection),
      design: optionalText(body.design),
      color: optionalText(body.color),
      size: optionalText(body.size),
      dimensions: dimensionsOf(optionalText(body.size)),
      material: optionalText(body.material),
      images: imageReferences(body.images),
      cost: body.cost && money(body.cost),
      retailPrice: body.retailPrice && money(body.retailPrice),
    };
    const outcome = await this.commands.execute<ReviseProduct, CommandOutcome<ProductEvent>>(
      new ReviseProduct(productId, revision, context),
    );
    setLogPosition(reply, outcome.position);
    return { id: productId, changed: outcome.events.length > 0 };
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'List or search products' })
  @ApiAnswer(200, PRODUCT_ANSWERS.search)
  @Get()
  search(
    @Query() query: ListProductsDto,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<Page<ProductView>> {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListProducts(filter, { limit, cursor }, minPosition));
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'A product' })
  @ApiAnswer(200, PRODUCT_ANSWERS.get)
  @Get(':id')
  async get(
    @Param('id', new UuidPipe()) productId: string,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<ProductView> {
    const product = await this.queries.execute<GetProduct, ProductView | null>(
      new GetProduct(productId, minPosition),
    );
    if (!product) throw new NotFoundException(`product ${productId} does not exist`);
    return product;
  }
}

/** Trimmed; blank means "none" (null); absent stays absent, so a revision leaves it alone. */
function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return value.trim() || null;
}

/**
 * The size read into centimetres and a shape, so the product is found by width; a size typed in
 * a form no parser knows stays as text, without dimensions. Absent stays absent.
 */
function dimensionsOf(size: string | null | undefined): Dimensions | null | undefined {
  if (size === undefined || size === null) return size;
  const parsed = parseSize(size, 'ft');
  return parsed.ok ? parsed.dimensions : null;
}

/** Digests in one case, so the same image is the same reference however it was typed. */
function imageReferences(images: readonly string[] | undefined): string[] | undefined {
  return images?.map((image) => (/^[0-9a-f]{64}$/i.test(image) ? image.toLowerCase() : image));
}

function money({ amount, currency }: MoneyDto): Money {
  return { amount, currency };
}
