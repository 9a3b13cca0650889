// Runs the mixer beside the web server: due cells are mixed every interval,
// and cells of campaigns past their deadline are emptied.
import type { Job } from '../../jobs.js';
import type { Mixer } from './mixer.js';

export function mixJob(mixer: Pick<Mixer, 'run'>, intervalMs = 30_000): Job {
  return {
    name: 'ballot-mixer',
    intervalMs,
    run: async () => {
      await mixer.run();
    },
  };
}
