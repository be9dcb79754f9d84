// The cold-start page of wink-nlp (bench/cold-wink.html, bundled by bench/cold.mjs into
// bench/build/cold-wink.js): what the cold benchmark times for article-lens, done with wink-nlp
// and its lite web model. Loading the module builds wink's instance; the page then fetches the
// article given by `?src=`, reads it (the first call, timed), shows a line about it, and reads it
// again (the warm call, timed). The same work as bench/peers.js's winkNlp.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

const loadStarted = performance.now();
const wink = winkNLP(model);
const loaded = performance.now();
const its = wink.its;

function read(text) {
  const doc = wink.readDoc(text);
  return {
    sentences: doc.sentences().out().length,
    entities: doc.entities().out(its.detail),
    importance: doc.out(its.sentenceWiseImportance),
  };
}

const src = new URLSearchParams(location.search).get("src");
const text = await (await fetch(src)).text();
let t0 = performance.now();
const result = read(text);
const first = performance.now() - t0;
document.getElementById("status").textContent =
  `${text.length} characters read: ${result.sentences} sentences, ${result.entities.length} entities.`;
const shown = performance.now();
const warm = [];
for (let i = 0; i < 5; i++) {
  t0 = performance.now();
  read(text);
  warm.push(performance.now() - t0);
}
globalThis.coldWink = { shown, first, warm, load: loaded - loadStarted };
