import { describe, expect, it } from 'vitest';
import { BrowserFirst } from '../../src/batch/browser-first.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the order of the work on the build thread (BrowserFirst)', () => {
  it('holds queued work while a report is on its way to the browser, and lets it go when it has arrived', async () => {
    const order = new BrowserFirst();
    const arrived = await order.feed();
    const ran: string[] = [];
    const work = order.run(0, () => ran.push('word'));
    await tick();
    expect(ran).toEqual([]);
    arrived();
    await work;
    expect(ran).toEqual(['word']);
  });

  it('waits for every report on its way, and a report arrives once however often it says so', async () => {
    const order = new BrowserFirst();
    const first = await order.feed();
    const second = order.feed();
    const ran: string[] = [];
    const work = order.run(0, () => ran.push('excel'));
    first();
    first();
    await tick();
    expect(ran).toEqual([]);
    (await second)();
    await work;
    expect(ran).toEqual(['excel']);
  });

  it('lets the reports on their way to the browser go one at a time, in the order they asked', async () => {
    const order = new BrowserFirst();
    const turns: string[] = [];
    const first = order.feed().then((arrived) => (turns.push('rapport 1'), arrived));
    const second = order.feed().then((arrived) => (turns.push('rapport 2'), arrived));
    const third = order.feed().then((arrived) => (turns.push('rapport 3'), arrived));
    await tick();
    expect(turns).toEqual(['rapport 1']);
    (await first)();
    await tick();
    expect(turns).toEqual(['rapport 1', 'rapport 2']);
    (await second)();
    (await third)();
    expect(turns).toEqual(['rapport 1', 'rapport 2', 'rapport 3']);
  });

  it('runs one piece at a time, the earliest report first, in the order asked within a report', async () => {
    const order = new BrowserFirst();
    const arrived = await order.feed();
    const ran: string[] = [];
    let running = 0;
    let most = 0;
    const piece = (name: string) => async () => {
      most = Math.max(most, ++running);
      await tick();
      ran.push(name);
      running--;
    };
    const all = [order.run(2, piece('rapport 3: word')), order.run(1, piece('rapport 2: word')), order.run(2, piece('rapport 3: excel')), order.run(1, piece('rapport 2: pdf'))];
    arrived();
    await Promise.all(all);
    expect(ran).toEqual(['rapport 2: word', 'rapport 2: pdf', 'rapport 3: word', 'rapport 3: excel']);
    expect(most).toBe(1);
  });

  it('work queued while another piece runs waits for it, and takes its turn by report', async () => {
    const order = new BrowserFirst();
    const ran: string[] = [];
    let release!: () => void;
    const first = order.run(5, () => new Promise<void>((resolve) => (release = resolve)).then(() => ran.push('rapport 6')));
    const later = order.run(9, () => ran.push('rapport 10'));
    const earlier = order.run(0, () => ran.push('rapport 1'));
    await tick();
    expect(ran).toEqual([]);
    release();
    await Promise.all([first, later, earlier]);
    expect(ran).toEqual(['rapport 6', 'rapport 1', 'rapport 10']);
  });

  it('a failing piece rejects its own promise and the next piece still runs', async () => {
    const order = new BrowserFirst();
    const failing = order.run(0, () => {
      throw new Error('trasig');
    });
    const next = order.run(0, () => 'klar');
    await expect(failing).rejects.toThrow('trasig');
    await expect(next).resolves.toBe('klar');
  });
});
