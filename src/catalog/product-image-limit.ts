import { BusinessRuleViolation } from '../shared/domain/domain-errors';

/** As many pictures as a product may list (the limit the product DTOs hold to). */
export const PRODUCT_IMAGE_LIMIT = 20;

export function imagesFull(productId: string): BusinessRuleViolation {
  return new BusinessRuleViolation(
    'product-images-full',
    `a product lists at most ${PRODUCT_IMAGE_LIMIT} pictures; remove one before adding another`,
    { productId },
  );
}
