// A whole list of <option>s in one call from the wasm (a catalog may list a thousand
// issues): made one by one, each option cost two calls into the page, each decoding a
// string, which took about as long as making the option itself. `texts` holds every label and
// value, one after the other; `lengths` their lengths in UTF-16 units, a label's then its
// value's. Text and values only: nothing is parsed as HTML.
export function appendOptions(parent, texts, lengths, chosen) {
  for (let i = 0, at = 0; i < lengths.length; i += 2) {
    const label = texts.slice(at, (at += lengths[i]));
    const value = texts.slice(at, (at += lengths[i + 1]));
    parent.appendChild(new Option(label, value, value === chosen, value === chosen));
  }
}
