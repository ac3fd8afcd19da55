/**
 * A worker thread's side of the backpressure between it and its parent: it may post `credits`
 * messages that the parent has not yet taken, and the parent sends 'ack' for each one it
 * takes. Used by the parse worker and the SQLite page worker; the parent's side is
 * worker-messages.ts.
 */
import type { MessagePort } from 'node:worker_threads';

export class WorkerCredits {
  private wake: (() => void) | null = null;

  constructor(
    port: MessagePort,
    private credits: number,
  ) {
    port.on('message', (message: unknown) => {
      if (message !== 'ack') return;
      this.credits++;
      this.wake?.();
      this.wake = null;
    });
  }

  /** Waits for a credit and spends it: call before posting a message. */
  async take(): Promise<void> {
    while (this.credits === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.credits--;
  }
}
