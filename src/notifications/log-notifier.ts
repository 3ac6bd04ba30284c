import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type NoticeSent, noticeText, type Notifier, type ReadyNotice } from './notifier';

/**
 * The default notifier: appends each notice as a JSON line to a file under DATA_DIR, for a store
 * that phones or mails its customers itself, and as a record of what would have been sent.
 */
export class LogNotifier implements Notifier {
  constructor(private readonly file: string) {}

  async send(notice: ReadyNotice): Promise<NoticeSent> {
    const sent: NoticeSent = notice.email
      ? { channel: 'email', recipient: notice.email }
      : { channel: 'staff-call', recipient: notice.phone ?? notice.customerName };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(
      this.file,
      `${JSON.stringify({ ...sent, text: noticeText(notice), notice })}\n`,
    );
    return sent;
  }
}
