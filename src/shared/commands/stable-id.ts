import { v5 as uuidv5 } from 'uuid';

export const ID_NAMESPACE = '0b7f6a43-1c55-4d8e-9a57-6a2b1e1f4c10';

/**
 * An id that is the same for the same inputs: products by vendor SKU, POs by vendor and window.
 * Pure, so deciders and workflows may derive ids with it.
 */
export function stableId(...parts: readonly string[]): string {
  return uuidv5(parts.join('\n'), ID_NAMESPACE);
}
