// The figures the benchmarks print for a set of runs (bench/run.mjs, bench/floor.mjs).

/** The median of `xs`. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `min–max` of `xs` (to one decimal), or `–` when there are none: this machine is noisy. */
export const spread = (xs) => (xs ? `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}` : "–");
