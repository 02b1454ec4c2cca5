/** The arrival schedule (pure): counts, due times against closed forms, stage membership, and the --stages parser. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrivalSchedule, parseStages } from '../../src/loadtest/schedule.js';
import { parseDurationValue } from '../../src/loadtest/settings.js';

describe('ArrivalSchedule', () => {
  it('a constant rate is one flat stage: request k due at k / rate, ⌊rate × duration⌋ requests', () => {
    const schedule = ArrivalSchedule.constant(40, 2.5);
    expect(schedule.total).toBe(100);
    const stage = schedule.stages[0]!;
    for (const k of [0, 1, 37, 99]) expect(schedule.dueMs(stage, k)).toBeCloseTo(k * 25, 9);
    expect(ArrivalSchedule.constant(3, 1.5).total).toBe(4); // ⌊4.5⌋, as before stages existed
    expect(ArrivalSchedule.constant(0.1, 30).total).toBe(3); // 0.1 × 30 = 2.9999999999999996 in floating point
  });

  it('a ramp from 0 to r over D: N(t) = r t² / 2D, so request k is due at √(2Dk / r)', () => {
    const schedule = new ArrivalSchedule(0, [{ durationSeconds: 2, target: 100 }]);
    expect(schedule.total).toBe(100);
    const stage = schedule.stages[0]!;
    for (const k of [0, 1, 2, 50, 99])
      expect(schedule.dueMs(stage, k)).toBeCloseTo(1000 * Math.sqrt((2 * 2 * k) / 100), 9);
  });

  it('a ramp down from r to 0 over D: due times solve r t − r t² / 2D = k', () => {
    const schedule = new ArrivalSchedule(60, [{ durationSeconds: 1, target: 0 }]);
    expect(schedule.total).toBe(30);
    const stage = schedule.stages[0]!;
    for (const k of [1, 10, 29]) {
      const t = schedule.dueMs(stage, k) / 1000;
      expect(60 * t - (60 * t * t) / 2).toBeCloseTo(k, 9);
    }
  });

  it('places requests in the stage where N(t) reaches them, with the offered rate per stage', () => {
    const schedule = new ArrivalSchedule(0, [
      { durationSeconds: 1, target: 100 },
      { durationSeconds: 1, target: 100 },
      { durationSeconds: 0.5, target: 0 },
    ]);
    expect(schedule.total).toBe(175);
    expect(schedule.stages.map((stage) => [stage.firstRequest, stage.endRequest])).toEqual([
      [0, 50],
      [50, 150],
      [150, 175],
    ]);
    expect(schedule.dueMs(schedule.stageOfRequest(50), 50)).toBeCloseTo(1000, 9);
    expect(schedule.dueMs(schedule.stageOfRequest(51), 51)).toBeCloseTo(1010, 9);
    expect(schedule.stageAtMs(999)).toBe(0);
    expect(schedule.stageAtMs(1000)).toBe(1);
    expect(schedule.stageAtMs(2499)).toBe(2);
    expect(schedule.stageAtMs(2500)).toBe(-1);
    expect(schedule.averageRate).toBe(70);
  });

  it('property: due times never decrease, stay inside their stage, and the count is ⌊∫ rate⌋', () => {
    const stage = fc.record({
      durationSeconds: fc.integer({ min: 1, max: 40 }).map((tenths) => tenths / 10),
      target: fc.integer({ min: 0, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(stage, { minLength: 1, maxLength: 6 }),
        (start, stages) => {
          const schedule = new ArrivalSchedule(start, stages);
          let integral = 0;
          let from = start;
          for (const { durationSeconds, target } of stages) {
            integral += ((from + target) / 2) * durationSeconds;
            from = target;
          }
          expect(schedule.total).toBe(Math.floor(integral + 1e-9));
          let previous = -1;
          const problems: string[] = [];
          for (const placed of schedule.stages)
            for (let k = placed.firstRequest; k < placed.endRequest; k++) {
              const due = schedule.dueMs(placed, k);
              if (due < previous - 1e-6) problems.push(`request ${k} due before request ${k - 1}`);
              if (due < placed.startMs - 1e-6 || due > placed.startMs + placed.durationMs + 1e-6)
                problems.push(`request ${k} due at ${due} ms, outside stage ${placed.index}`);
              if (schedule.stageOfRequest(k) !== placed) problems.push(`request ${k} found in another stage`);
              previous = due;
            }
          expect(problems).toEqual([]);
          expect(schedule.stages.at(-1)!.endRequest).toBe(schedule.total);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseStages', () => {
  it('reads DURATION:RATE ramps in any duration syntax', () => {
    expect(parseStages('--stages', '30s:50, 2m:200,1.5:0', parseDurationValue)).toEqual([
      { durationSeconds: 30, target: 50 },
      { durationSeconds: 120, target: 200 },
      { durationSeconds: 1.5, target: 0 },
    ]);
  });

  it.each([
    ['', /'' is not a list of DURATION:RATE stages/],
    ['30s:50,', /is not a list of DURATION:RATE stages/],
    ['30s', /stage '30s' is not DURATION:RATE/],
    ['30x:5', /'30x' is not a duration/],
    ['0s:5', /stage '0s:5' must last more than 0 s/],
    ['10s:-5', /'-5' is not a rate/],
    ['10s:0x10', /'0x10' is not a rate/],
  ])('refuses %j', (text, message) => {
    expect(() => parseStages('--stages', text, parseDurationValue)).toThrow(message);
  });
});
