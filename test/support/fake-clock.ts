import type { Clock } from '../../src/lib/time';

/** A clock the test sets; the app reads it wherever it needs "now". */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
