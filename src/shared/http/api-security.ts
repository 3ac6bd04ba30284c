/** The names the OpenAPI document gives its two ways of signing a request. */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'api-key';
