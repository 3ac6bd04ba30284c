import { createTransport, type Transporter } from 'nodemailer';
import { type NoticeSent, noticeText, type Notifier, type ReadyNotice } from './notifier';

/** Emails the notice through the store's SMTP server; a customer without email falls back to `others`. */
export class SmtpNotifier implements Notifier {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    private readonly others: Notifier,
  ) {
    this.transport = createTransport(url);
  }

  async send(notice: ReadyNotice): Promise<NoticeSent> {
    if (!notice.email) return this.others.send(notice);
    await this.transport.sendMail({
      from: this.from,
      to: notice.email,
      subject: `Your order ${notice.backorderNumber} is ready`,
      text: noticeText(notice),
    });
    return { channel: 'email', recipient: notice.email };
  }
}
