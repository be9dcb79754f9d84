// How <article-lens> words numbers and names: counts with their noun, times in ms, a stance
// class as words. Pure: imports in Node.

/** "1 actor", "2 actors", "1,024 characters". */
export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** A time in ms with the digits that matter: "0.42 ms", "12.3 ms", "153 ms". */
export function formatMs(ms) {
  return ms < 1 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A stance class as words: "use_force" is "use force". */
export function classLabel(cls) {
  return String(cls).replace("_", " ");
}
