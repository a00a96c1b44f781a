// The load generator of bench/survey-load.bench.ts, in its own process so the figures measure the
// server and not autocannon sharing its event loop. Gets the target and the request bodies over
// IPC, sends back autocannon's result and the CPU seconds this process took during the run.
import autocannon from 'autocannon';

type Job = { url: string; rate: number; seconds: number; connections: number; bodies: { path: string; body: string }[] };

process.once('message', (job: Job) => {
  let next = 0;
  const cpu = process.cpuUsage();
  void autocannon({
    url: job.url,
    connections: job.connections,
    overallRate: job.rate,
    duration: job.seconds,
    headers: { 'content-type': 'application/json' },
    // Each request takes the next unused code.
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...(job.bodies[next++] as { path: string; body: string }) }) }],
  }).then((result) => {
    const used = process.cpuUsage(cpu);
    process.send?.({ result, cpuSeconds: (used.user + used.system) / 1e6 }, () => process.exit(0));
  });
});
