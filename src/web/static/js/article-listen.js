// "본문 듣기" island: reads the headline and the article text aloud with the browser's speech
// synthesis. The button stays hidden unless the browser has a voice in the article's language
// (a Korean article needs a Korean voice: a Korean text read by an English voice is noise).
// Voices often arrive after load (Chromium fills the list asynchronously), so the check runs
// again on "voiceschanged".
const button = document.querySelector('[data-listen]');
const synth = window.speechSynthesis;

// Chromium stops an utterance after about 15 seconds of speech, so the text goes as short parts.
const PART_CHARS = 220;

function baseLang(tag) {
  return String(tag || '')
    .toLowerCase()
    .split(/[-_]/)[0];
}

function findVoice(lang) {
  if (!synth || typeof synth.getVoices !== 'function') return undefined;
  const voices = synth.getVoices() || [];
  const wanted = baseLang(lang);
  const matching = voices.filter((v) => baseLang(v.lang) === wanted);
  return matching.find((v) => v.localService) || matching[0];
}

function articleText() {
  const parts = [];
  const headline = document.querySelector('.article-head h1');
  if (headline) {
    // Read it as a screen reader would: without the decorative " | " before the series name.
    const copy = headline.cloneNode(true);
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    parts.push(copy.textContent.replace(/\s+/g, ' ').trim());
  }
  // Paragraphs, subheads and list items of the body; captions and hidden helper text are skipped.
  for (const el of document.querySelectorAll('.article-body__html :is(p, h2, h3, h4, li, blockquote)')) {
    if (el.closest('figure, .visually-hidden')) continue;
    const text = el.textContent.replace(/\s+/g, ' ').trim();
    if (text) parts.push(text);
  }
  return parts;
}

function splitLong(text) {
  if (text.length <= PART_CHARS) return [text];
  const out = [];
  let current = '';
  // Sentence ends in Korean and English ("다." "요?" "!"), then spaces as a last resort.
  for (const sentence of text.split(/(?<=[.!?。…])\s+/)) {
    if (current && current.length + sentence.length + 1 > PART_CHARS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) out.push(current);
  return out;
}

function setSpeaking(speaking) {
  button.setAttribute('aria-pressed', String(speaking));
  const label = button.querySelector('[data-listen-text]');
  if (label) label.textContent = speaking ? button.dataset.listenStopLabel : button.dataset.listenLabel;
}

let speaking = false;

function stop() {
  speaking = false;
  synth.cancel();
  setSpeaking(false);
}

function start() {
  const voice = findVoice(button.dataset.listen);
  if (!voice) return;
  const parts = articleText().flatMap(splitLong);
  if (!parts.length) return;
  synth.cancel();
  speaking = true;
  setSpeaking(true);
  parts.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang || button.dataset.listen;
    try {
      utterance.voice = voice;
    } catch {
      // A voice object the browser does not recognise: the language alone picks one.
    }
    if (i === parts.length - 1) utterance.addEventListener('end', () => speaking && stop());
    utterance.addEventListener('error', () => speaking && stop());
    synth.speak(utterance);
  });
}

function reveal() {
  if (button?.hidden && findVoice(button.dataset.listen)) button.hidden = false;
}

if (button && synth && typeof window.SpeechSynthesisUtterance === 'function') {
  reveal();
  synth.addEventListener?.('voiceschanged', reveal);
  button.addEventListener('click', () => (speaking ? stop() : start()));
  // Leaving the page must not leave the browser talking.
  window.addEventListener('pagehide', () => synth.cancel());
}
