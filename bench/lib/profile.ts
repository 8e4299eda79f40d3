/** A CPU profile of the calling thread, for finding where a benchmark's time goes (`--profile FILE`). */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** Profiles this thread from now until `stop`, which writes the profile (Chrome DevTools' format) where asked. */
export async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
