// Preloaded into the API by benchmarks (node --require): measures the event loop's delay with
// perf_hooks.monitorEventLoopDelay and answers the parent's 'eld' message with the max and p99 (ms) and the peak RSS (MB), then resets.
const { monitorEventLoopDelay } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
// The resident set's peak since the last answer, sampled every 100 ms.
let rssMax = 0;
setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage.rss())), 100).unref();
process.on('message', (message) => {
  if (message !== 'eld') return;
  rssMax = Math.max(rssMax, process.memoryUsage.rss());
  process.send({
    eld: { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6, mean: histogram.mean / 1e6, rssMb: rssMax / 2 ** 20 },
  });
  histogram.reset();
  rssMax = 0;
});
// The IPC channel must not keep the API alive on its own.
process.channel?.unref();
