/**
 * A real SMTP server in the test process, on loopback (the `smtp-server` package), behind a small TCP front that
 * can play a hung server: it accepts the connection and never says a word. Modes:
 * `accept` — AUTH checked, each message parsed (mailparser) and kept; `reject` — the DATA is answered 554;
 * `hang` — the front holds the connection silent.
 */
import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpMode = 'accept' | 'reject' | 'hang';

export interface TestSmtpServer {
  /** `smtp://user:pass@127.0.0.1:port` of the front. */
  readonly url: string;
  mode: SmtpMode;
  readonly received: ParsedMail[];
  /** DATA commands answered 554. */
  rejected: number;
  /** Connections the front held silent. */
  hung: number;
  close(): Promise<void>;
}

const USER = 'qosalqy';
const PASS = 's3cret-smtp';

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    url: '',
    mode: 'accept',
    received: [],
    rejected: 0,
    hung: 0,
    close: async () => {},
  };
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) return callback(null, { user: USER });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.mode === 'reject') {
          state.rejected++;
          return callback(
            Object.assign(new Error('5.7.1 Message rejected by policy'), { responseCode: 554 }),
          );
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            state.received.push(mail);
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as net.AddressInfo).port;

  const open = new Set<net.Socket>();
  const front = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (state.mode === 'hang') {
      state.hung++;
      return; // accepted, never answered
    }
    const upstream = net.connect(smtpPort, '127.0.0.1');
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as net.AddressInfo).port;

  return Object.assign(state, {
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  });
}
