// Holds background jobs before they run while a test has the gate shut: a queued or running job is
// caught in that state without sleeping. Pass `beforeRun` to startTestApp({ jobs: { beforeRun } }).
export function jobGate() {
  let gate: Promise<void> | null = null;
  let release = () => {};
  return {
    beforeRun: () => gate ?? Promise.resolve(),
    hold: () => {
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
    },
    open: () => release(),
  };
}
