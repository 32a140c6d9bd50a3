/**
 * The scheduler with analyses that end later (the worker thread): one analysis per document at a time, changes
 * meanwhile analysed once, on the newest text, after it; `settled` waits for running analyses too.
 */
import * as assert from 'node:assert/strict';
import { AnalysisScheduler } from '../../../server/src/analysisScheduler';

/** Resolves once `ready` holds, checking after each turn of the event loop (no clock involved). */
async function until(ready: () => boolean): Promise<void> {
  for (let turns = 0; !ready(); turns++) {
    if (turns > 100_000) throw new Error('never happened');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

suite('AnalysisScheduler with analyses that end later', () => {
  test('changes during a running analysis: one more analysis, after it, of the newest version; settled waits for both', async () => {
    let version = 1;
    const analysed: number[] = [];
    const finish: (() => void)[] = [];
    const scheduler = new AnalysisScheduler((uri) => {
      assert.equal(uri, 'a');
      analysed.push(version);
      return new Promise<void>((resolve) => finish.push(resolve));
    }, { debounceMs: 1, maxWaitMs: 5 });

    scheduler.changed('a');
    await until(() => analysed.length === 1);
    const events: string[] = [];
    void scheduler.settled('a').then(() => events.push('settled'));
    for (let i = 0; i < 5; i++) {
      version++;
      scheduler.changed('a');
      await new Promise((resolve) => setTimeout(resolve, 2)); // past the debounce: each change could fire
    }
    assert.deepEqual(analysed, [1], 'nothing starts while the running analysis has not ended');
    assert.equal(scheduler.isScheduled('a'), true);
    finish[0]!();
    await until(() => analysed.length === 2);
    assert.deepEqual(analysed, [1, 6], 'the next analysis sees the newest version');
    assert.deepEqual(events, [], 'settled waits for the running analysis');
    finish[1]!();
    await until(() => events.length > 0);
    assert.equal(scheduler.isScheduled('a'), false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(analysed, [1, 6], 'no analysis left over');
  });

  test('other documents are analysed while one runs; a synchronous analysis still settles at once', async () => {
    const analysed: string[] = [];
    let release: (() => void) | undefined;
    const scheduler = new AnalysisScheduler((uri) => {
      analysed.push(uri);
      if (uri === 'long') return new Promise<void>((resolve) => (release = resolve));
      return undefined;
    });
    scheduler.changed('long');
    await until(() => analysed.length === 1);
    scheduler.changed('short');
    await scheduler.settled('short');
    assert.deepEqual(analysed, ['long', 'short']);
    assert.equal(scheduler.isScheduled('short'), false);
    assert.equal(scheduler.isScheduled('long'), true);
    release!();
    await scheduler.settled('long');
    assert.equal(scheduler.isScheduled('long'), false);
  });
});
