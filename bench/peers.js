// The peers, bundled for the browser by bench/browser.mjs (esbuild) into bench/build/peers.js.
// Each function does the nearest thing to what article-lens does that the peer offers, so the
// timings compare like with like (or favour the peer: neither finds stances).
import nlp from "compromise";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

const wink = winkNLP(model);
const its = wink.its;

/** compromise: sentences + people, places, organizations. */
export function compromise(text) {
  const doc = nlp(text);
  return {
    sentences: doc.sentences().out("array").length,
    people: doc.people().out("array"),
    places: doc.places().out("array"),
    organizations: doc.organizations().out("array"),
  };
}

/** wink-nlp (lite web model): sentences + entities + sentence importance. */
export function winkNlp(text) {
  const doc = wink.readDoc(text);
  return {
    sentences: doc.sentences().out().length,
    entities: doc.entities().out(its.detail),
    importance: doc.out(its.sentenceWiseImportance),
  };
}
