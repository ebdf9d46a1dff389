/** A manual clock: `sleep` advances it (no real waiting). */
export function manualClock(start = '2026-01-05T09:00:00.000Z') {
  let t = Date.parse(start);
  return {
    clock: () => new Date(t).toISOString(),
    sleep: async (ms: number) => {
      t += ms;
    },
    advance(ms: number) {
      t += ms;
    },
    now: () => t,
  };
}
