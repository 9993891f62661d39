import { describe, expect, it } from 'vitest';
import { coalescedTask } from '../src/state/coalesced-task';
import { deferred, settle, type Deferred } from './helpers/fake-engine-api';

describe('coalescedTask', () => {
  it('runs once more after the current run for any number of calls made meanwhile, and says which run is stale', async () => {
    const gates: Deferred<void>[] = [];
    const latest: boolean[] = [];
    const run = coalescedTask(async (isLatest) => {
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
      latest.push(isLatest());
    });

    const first = run();
    await settle();
    const second = run();
    const third = run();
    expect(second).toBe(third);
    expect(gates).toHaveLength(1);

    gates[0]!.resolve();
    await settle();
    expect(gates).toHaveLength(2);
    gates[1]!.resolve();
    await Promise.all([first, second, third]);
    expect(latest).toEqual([false, true]);

    void run();
    await settle();
    expect(gates).toHaveLength(3);
  });
});
