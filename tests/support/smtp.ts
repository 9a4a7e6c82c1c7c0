import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server (smtp-server, from the nodemailer authors) on 127.0.0.1; every message is parsed with mailparser.
 * `stop()` takes it away (connections are refused) and `start()` brings it back on the same port.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  port = 0;
  private server: SMTPServer | undefined;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
            this.received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The first message to `address` after the first `skip` of them, waiting for it to arrive. */
  async mailTo(address: string, skip = 0, timeoutMs = 30_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.filter((m) => m.to.includes(address))[skip];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no email to ${address} arrived within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  countTo = (address: string) => this.received.filter((m) => m.to.includes(address)).length;
}
