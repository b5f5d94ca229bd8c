import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/database.ts';
import type { Lang } from '../i18n.ts';
import * as repo from './mail.repo.ts';
import { renderMail, type MailTemplate } from './templates.ts';

export type { OutboxRow } from './mail.repo.ts';

export type Mail = { to: string; template: MailTemplate; lang: Lang; params: Record<string, string | number> };

/**
 * Mail goes into the outbox in the caller's transaction (so a mail exists only if the change it
 * reports does), then is delivered over SMTP after the commit. Without SMTP configured it stays in the
 * outbox, which register staff can read outside production.
 */
export interface Mailer {
  /** writes the mail to the outbox; returns its id for `deliver` */
  queue(db: Db, mail: Mail): Promise<string>;
  /** writes many mails to the outbox in one statement (with the ids given, or new ones); returns their ids in order */
  queueMany(db: Db, mails: (Mail & { id?: string })[]): Promise<string[]>;
  /** sends queued mails over SMTP (a no-op without SMTP); failures are kept on the outbox row */
  deliver(db: Db, ids: string[]): Promise<void>;
  readonly smtpConfigured: boolean;
  close(): void;
}

export function createMailer(config: { smtpUrl?: string; from: string }): Mailer {
  // nodemailer is loaded at the first mail, not at start-up (and never without SMTP)
  let transport: Promise<Transporter> | null = null;
  const smtp = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(config.smtpUrl!)));
  const queueMany: Mailer['queueMany'] = async (db, mails) => {
    if (mails.length === 0) return [];
    const rows = mails.map((mail) => {
      const { subject, text } = renderMail(mail.template, mail.lang, mail.params);
      return { id: mail.id ?? randomUUID(), toAddress: mail.to, subject, text, template: mail.template };
    });
    await repo.insertMails(db, rows);
    return rows.map((row) => row.id);
  };
  return {
    smtpConfigured: Boolean(config.smtpUrl),
    async queue(db, mail) {
      const [id] = await queueMany(db, [mail]);
      return id;
    },
    queueMany,
    async deliver(db, ids) {
      if (!config.smtpUrl || ids.length === 0) return;
      const transporter = await smtp();
      for (const id of ids) {
        const mail = await repo.findMail(db, id);
        if (!mail || mail.sentAt) continue;
        try {
          await transporter.sendMail({ from: config.from, to: mail.toAddress, subject: mail.subject, text: mail.text });
          await repo.markSent(db, id, new Date());
        } catch (error) {
          await repo.markFailed(db, id, (error as Error).message);
        }
      }
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}

export const listOutbox = repo.listOutbox;
export const listMailTo = repo.listMailTo;
