import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

/** A real SMTP server on a free local port; it records what it accepts and can be told to refuse. */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  refuse = false;
  private readonly server: SMTPServer;
  private holding?: (mail: ReceivedMail) => void;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          if (this.refuse) return callback(Object.assign(new Error('Mailbox unavailable (test)'), { responseCode: 550 }));
          // Long header lines are folded onto continuation lines that start with white space.
          const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
          const header = (name: string) => new RegExp(`^${name}: ?(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
          const mail = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: decodeMimeWords(header('Subject')),
            messageId: header('Message-ID'),
            text: raw
              .split(/\r?\n\r?\n/)
              .slice(1)
              .join('\n\n'),
          };
          // Held: read in full, never answered, so never accepted (the sender cannot know it arrived).
          if (this.holding) return this.holding(mail);
          this.received.push(mail);
          callback();
        });
      },
    });
  }

  /** Resolves with the next message, which is read but left unanswered: a server that hangs before its 250. */
  holdNext(): Promise<ReceivedMail> {
    return new Promise((resolve) => {
      this.holding = (mail) => {
        this.holding = undefined;
        resolve(mail);
      };
    });
  }

  /** Listens on a free port, or on `port` (to come back where a stopped one was). */
  async start(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}

/** Subjects with æ, ø, å arrive MIME-encoded (=?UTF-8?Q?…?=); decode them to compare. */
function decodeMimeWords(text: string): string {
  return text.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
