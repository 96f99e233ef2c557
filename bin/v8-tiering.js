// A build is a short process. V8's default tiering is made for long-lived pages: in a
// cold build of the examples its optimizing compilers spent 3.6 s of CPU on background
// threads (Node 20), nearly as much as the main thread's 4.4 s of work, on a machine
// with two cores that the browser also needs. Optimizing a function only after it has
// run eight times as often halves that, and the build finishes sooner; a long batch or
// the preview server still gets its hot code optimized.
import v8 from 'node:v8';

/** The tiering flags for this V8 (Node 20 has V8 11 and an interrupt budget; 22 and 24 count calls per tier). */
export function tieringFlags(v8Version = process.versions.v8) {
  const major = Number(v8Version.split('.')[0]);
  return major >= 12
    ? ['--invocation-count-for-maglev=1600', '--invocation-count-for-turbofan=24000']
    : ['--interrupt-budget=540672'];
}

/** Sets the flags before the program's own code is loaded (V8 reads them as functions are created). */
export function tuneTiering() {
  for (const flag of tieringFlags()) v8.setFlagsFromString(flag);
}
