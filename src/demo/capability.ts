// The bundled demo content: `sosik demo`, and on `sosik serve` an empty database is filled with it
// (unless SOSIK_DEMO=0).
import type { Capability } from '../capability.ts';
import { demoCommands } from './commands.ts';
import { seedDemoIfEmpty } from './seed.ts';

export const demoCapability: Capability = {
  name: 'demo',
  commands: demoCommands,
  async onServe(deps) {
    if (deps.config.demo) await seedDemoIfEmpty(deps);
  },
};
