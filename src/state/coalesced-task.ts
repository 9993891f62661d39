/**
 * Runs `task` one at a time. A call made while a run is in progress does not start another in
 * parallel: it asks for one more run after the current one, and any number of such calls share
 * that single run. Each run is told, through `isLatest`, whether it is still the newest request:
 * once another call has come in, its result is stale and should not be shown.
 *
 * The returned function resolves when no run is left to do. `task` must not reject (it is expected
 * to record its own failures); a rejection would end the runs and reach the callers.
 */
export function coalescedTask(task: (isLatest: () => boolean) => Promise<void>): () => Promise<void> {
  let wanted = 0;
  let running: Promise<void> | null = null;

  const runUntilCurrent = async (): Promise<void> => {
    try {
      let asked: number;
      do {
        asked = wanted;
        const thisRun = asked;
        await task(() => thisRun === wanted);
      } while (asked !== wanted);
    } finally {
      running = null;
    }
  };

  return () => {
    wanted += 1;
    running ??= runUntilCurrent();
    return running;
  };
}
