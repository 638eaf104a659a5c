// Mocha's spec output plus a small JSON file with the counts, so that
// scripts/test.mjs can add every suite up into one "N passed, N failed" line.
// The file is $DOCKER_LABS_MOCHA_COUNTS (nothing is written without it).
/* global process, require, module */
const fs = require('fs');
const Mocha = require('mocha');

class CountingSpecReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.DOCKER_LABS_MOCHA_COUNTS;
      if (!file) return;
      const { passes, failures, pending, tests } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
    });
  }
}

module.exports = CountingSpecReporter;
