/**
 * workerMessages against real worker threads (small scripts, evaluated): messages come in order
 * and each taken one is acknowledged; a worker that cannot load its script ends the messages
 * without any (the callers' cue to work on their own thread); a worker that stops early, fails
 * otherwise, or is aborted is an error.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { watchWorker, workerMessages } from './worker-messages';

const started = (script: string) => watchWorker(new Worker(script, { eval: true }));

async function take(messages: AsyncGenerator<unknown>, count = Infinity): Promise<unknown[]> {
  const taken: unknown[] = [];
  for await (const message of messages) {
    taken.push(message);
    if (taken.length === count) break;
  }
  return taken;
}

// Posts one message per credit: 'a' at once, then one more for each 'ack'.
const CREDITED = `
const { parentPort } = require('node:worker_threads');
const items = ['a', 'b', 'c'];
let next = 0;
parentPort.postMessage(items[next++]);
parentPort.on('message', (m) => { if (m === 'ack' && next < items.length) parentPort.postMessage(items[next++]); });
`;

describe('workerMessages', () => {
  it('hands over the messages in order, acknowledging each one taken', async () => {
    // Without the acknowledgements only 'a' would ever come.
    expect(await take(workerMessages(started(CREDITED), { stoppedEarly: 'stopped' }), 3)).toEqual(['a', 'b', 'c']);
  });

  it('ends without a message when the worker cannot load its script', async () => {
    const watched = started(`require('./no-such-module-for-witness');`);
    expect(await take(workerMessages(watched, { stoppedEarly: 'stopped' }))).toEqual([]);
    expect(watched.failure).toMatchObject({ code: 'MODULE_NOT_FOUND' });
  });

  it('throws when the worker stops before the caller is done, or fails', async () => {
    const quits = started(`require('node:worker_threads').parentPort.postMessage('only');`);
    await expect(take(workerMessages(quits, { stoppedEarly: 'the worker stopped early' }))).rejects.toThrow('the worker stopped early');
    const fails = started(`require('node:worker_threads').parentPort.postMessage('one'); throw new Error('broken');`);
    await expect(take(workerMessages(fails, { stoppedEarly: 'stopped' }))).rejects.toThrow('broken');
  });

  it('throws the abort error once the signal aborts', async () => {
    const controller = new AbortController();
    const messages = workerMessages(started(`setInterval(() => {}, 1000);`), { stoppedEarly: 'stopped', signal: controller.signal, aborted: () => new Error('aborted by the test') });
    const taking = take(messages);
    controller.abort();
    await expect(taking).rejects.toThrow('aborted by the test');
  });
});
