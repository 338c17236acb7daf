/**
 * Keeps the probe polite: at most N connections open at once, at most R started per second, and
 * nothing started after the run's deadline. Every request, handshake and SMTP session goes
 * through one Limiter.
 */

export class DeadlineReached extends Error {
  constructor() {
    super('the run deadline was reached before this check started');
    this.name = 'DeadlineReached';
  }
}

export interface LimiterOptions {
  concurrency: number;
  ratePerSecond: number;
  /** Epoch milliseconds after which nothing new starts. */
  deadline: number;
  now?: () => number;
}

export class Limiter {
  private active = 0;
  /** Most slots held at once over the run (the summary reports it; tests check it). */
  peak = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStart = 0;
  private readonly now: () => number;

  constructor(private readonly options: LimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number {
    return Math.max(0, this.options.deadline - this.now());
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      await this.pace();
      if (this.remainingMs() === 0) throw new DeadlineReached();
      return await work();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.remainingMs() === 0) throw new DeadlineReached();
    if (this.active < this.options.concurrency) {
      this.active += 1;
      this.peak = Math.max(this.peak, this.active);
      return;
    }
    // A released slot passes straight to the next waiter, so `active` stays as it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.active -= 1;
    else next();
  }

  /** Spaces starts 1/R seconds apart; never waits past the deadline. */
  private async pace(): Promise<void> {
    const interval = 1000 / this.options.ratePerSecond;
    const start = Math.max(this.now(), this.nextStart);
    this.nextStart = start + interval;
    const wait = Math.min(start - this.now(), this.remainingMs());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
