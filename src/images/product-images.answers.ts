import { answer } from '../shared/http/api-answer';
import { uploadedImageExample } from '../shared/http/answer-fragments';

/**
 * What the routes of product-images.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const PRODUCT_IMAGES_ANSWERS = {
  /** POST /products/:id/images (200) */
  upload200: answer(uploadedImageExample),
  /** POST /products/:id/images (201) */
  upload201: answer(uploadedImageExample),
};
