import nodemailer from 'nodemailer';
import type { Config } from '../../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text only: short, with one link. */
  text: string;
}

export interface Mailer {
  /** False when SMTP_URL is not set: notices stay in the app and invite links are shared by hand. */
  readonly enabled: boolean;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * Sends through the SMTP server in SMTP_URL with nodemailer. Timeouts are short so that a mail server that does
 * not answer fails the job (to be tried again later) instead of holding a worker for minutes.
 */
export function createMailer(mail: Config['mail']): Mailer {
  if (!mail) {
    return {
      enabled: false,
      send: () => Promise.reject(new Error('Email is not set up on this server (SMTP_URL is not set).')),
      close: () => undefined,
    };
  }
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    enabled: true,
    async send({ to, subject, text }) {
      await transport.sendMail({ from: mail.from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
