/**
 * Raw TCP for the hand-built TLS hellos and the SMTP dialogue: connect with a timeout, and wait
 * until the bytes received so far answer a question (a whole ServerHello, a complete SMTP reply)
 * or the timeout, the peer closing, or an error ends the wait.
 */
import net from 'node:net';

export function connectTcp(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection not accepted within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Collects what a socket receives, so several questions can be asked of one stream. */
export class SocketReader {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    socket.on('end', () => this.finish());
    socket.on('close', () => this.finish());
    socket.on('error', (error) => this.finish(error));
  }

  /** Stops listening (before the socket is handed to node:tls) and returns unread bytes. */
  detach(): Buffer {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('end');
    this.socket.removeAllListeners('close');
    return this.buffer;
  }

  /**
   * Resolves with `answer(bytes)` once it is defined, consuming `used` bytes; rejects on timeout
   * or when the peer closes before an answer.
   */
  async waitFor<T>(
    answer: (bytes: Buffer) => { value: T; used: number } | undefined,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = answer(this.buffer);
      if (found !== undefined) {
        this.buffer = this.buffer.subarray(found.used);
        return found.value;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) throw new Error('the peer closed the connection without an answer');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private finish(error?: Error): void {
    this.ended = true;
    this.failure ??= error;
    this.wake?.();
  }
}

/**
 * Closes a socket and resolves once it is closed: the limiter holds a slot until then, so the
 * number of open connections, not just of requests waiting, stays within --concurrency.
 */
export function closeSocket(socket: net.Socket): Promise<void> {
  if (socket.closed) return Promise.resolve();
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.destroy();
  });
}
