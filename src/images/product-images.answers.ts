import { answer } from '../shared/http/api-answer';

/**
 * What the routes of product-images.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests, lists cut to one or two items; `nullable` names the fields
 * other answers sent as null.
 */
export const PRODUCT_IMAGES_ANSWERS = {
  /** POST /products/:id/images (200) */
  upload200: answer({
    hash: 'fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d',
    format: 'jpeg',
    width: 3000,
    height: 2000,
    bytes: 670543,
    urls: {
      original: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d',
      medium: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d/medium',
      thumbnail:
        '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d/thumbnail',
    },
  }),
  /** POST /products/:id/images (201) */
  upload201: answer({
    hash: 'fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d',
    format: 'jpeg',
    width: 3000,
    height: 2000,
    bytes: 670543,
    urls: {
      original: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d',
      medium: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d/medium',
      thumbnail:
        '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d/thumbnail',
    },
  }),
};
