/**
 * The order of the work on this thread in a batch. The browser prints in
 * processes of its own and is idle whenever no print has been sent; the rest
 * of a build (reading, computing, the other formats, finishing the PDF) runs on
 * this one thread. Two rules keep the browser busy and the reports moving:
 *
 * 1. Work that feeds the browser goes first: while any report is on its way
 *    to the browser (read, computed and laid out for its print), the queued
 *    work waits, so the next print starts as soon as it can instead of behind
 *    a Word file. The reports on their way go one at a time, so the first
 *    print is not held up by the reading of the second report.
 * 2. The rest runs one piece at a time, the earliest report's first: a report
 *    that has printed is finished and written before the next report's Word
 *    file is made, so its place in the batch (--jobs) comes free sooner.
 *
 * The order changes when work runs, never what it makes.
 */
export class BrowserFirst {
  /** Reports on their way to the browser or waiting for their turn. */
  private feeding = 0;
  private feedTurn: Promise<void> = Promise.resolve();
  private running = false;
  private seq = 0;
  private readonly queue: { rank: number; seq: number; start: () => void }[] = [];

  /**
   * A report is on its way to the browser. Reports go one at a time, in the
   * order asked (the first print starts sooner than if all were read at once);
   * resolves when it is this report's turn, with the function that says it has
   * arrived (or will not), once.
   */
  feed(): Promise<() => void> {
    this.feeding++;
    const turn = this.feedTurn;
    let release!: () => void;
    this.feedTurn = new Promise<void>((resolve) => (release = resolve));
    let arrived = false;
    const done = () => {
      if (arrived) return;
      arrived = true;
      this.feeding--;
      release();
      this.next();
    };
    return turn.then(() => done);
  }

  /** Runs `work` when nothing feeds the browser and no other queued work runs; a lower rank (an earlier report) first. */
  run<T>(rank: number, work: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running = true;
        Promise.resolve()
          .then(work)
          .then(resolve, reject)
          .finally(() => {
            this.running = false;
            this.next();
          });
      };
      this.queue.push({ rank, seq: this.seq++, start });
      this.next();
    });
  }

  private next(): void {
    if (this.running || this.feeding > 0 || this.queue.length === 0) return;
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) {
      const a = this.queue[i]!;
      const b = this.queue[best]!;
      if (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq)) best = i;
    }
    this.queue.splice(best, 1)[0]!.start();
  }
}
