import { SMTPServer } from 'smtp-server';

/** One message the server accepted: its envelope recipients and its raw text. */
export interface AcceptedMail {
  recipients: string[];
  data: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for the app's SMTP_URL. */
  url: string;
  stop(): Promise<void>;
}

/** A real SMTP server on a free local port (no TLS, no auth) that hands every accepted message to `onMail`. */
export async function startSmtpSink(onMail: (mail: AcceptedMail) => void): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        onMail({ recipients: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(resolve)) };
}
