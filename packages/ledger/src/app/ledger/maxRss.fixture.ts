// Loaded with `--import` into a child process: on exit it prints the process's peak resident
// memory to stderr, as `maxRssMiB=<n>`. A process killed by running out of heap prints nothing.
process.on('exit', () => {
  process.stderr.write(`maxRssMiB=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
