/** Tells a customer their units are ready; pluggable so a store can use its own channel. */
export const NOTIFIER = Symbol('Notifier');

export interface ReadyNotice {
  readonly customerName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly backorderNumber: string;
  readonly lines: readonly { readonly productName: string; readonly quantity: number }[];
}

export interface NoticeSent {
  /** email, or staff-call when the customer left only a phone number. */
  readonly channel: string;
  readonly recipient: string;
}

export interface Notifier {
  send(notice: ReadyNotice): Promise<NoticeSent>;
}

export function noticeText(notice: ReadyNotice): string {
  const items = notice.lines.map((l) => `${l.quantity} x ${l.productName}`).join(', ');
  return `Hello ${notice.customerName}, your order ${notice.backorderNumber} is ready for pickup: ${items}.`;
}
