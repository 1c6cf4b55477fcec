// Loaded with `--import` into each child of the scale bench: on exit it prints the process's
// peak resident memory and CPU time to stderr, as `maxRssMiB=<n> cpuMs=<n>` (the CLI's runs
// report nothing else). A process killed by running out of heap prints nothing.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`maxRssMiB=${Math.round(u.maxRSS / 1024)} ` +
    `cpuMs=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
