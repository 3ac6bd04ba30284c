import JsBarcode from 'jsbarcode';

/**
 * A Code 128 barcode of the text as an SVG data URL. Drawn in a detached XML document and shown
 * as an image, so the page needs no inline styles (its CSP allows none) and prints sharp.
 */
export function barcodeDataUrl(text: string): string {
  const xml = document.implementation.createDocument('http://www.w3.org/2000/svg', 'svg', null);
  const svg = xml.documentElement;
  JsBarcode(svg, text, {
    xmlDocument: xml,
    format: 'CODE128',
    height: 48,
    width: 2,
    margin: 0,
    fontSize: 14,
    displayValue: true,
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
}
