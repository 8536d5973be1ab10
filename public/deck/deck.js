// A tiny reveal.js-like deck that drives the embedded lab through postMessage
// (src/store/deckMessages.ts has the messages). No framework, no inline script.
const slides = Array.from(document.querySelectorAll('.reveal .slides > section'));
const frame = document.getElementById('lab');
const events = document.getElementById('events');
const number = document.getElementById('slide-number');
let current = 1; // the lab's slide, so the test sees it at once

function show(i) {
  current = Math.max(0, Math.min(slides.length - 1, i));
  slides.forEach((s, k) => s.classList.toggle('present', k === current));
  number.textContent = `Slide ${current + 1} of ${slides.length}`;
  document.body.dataset.slide = String(current + 1);
}

function send(message) {
  frame.contentWindow.postMessage({ isolab: 1, ...message }, window.location.origin);
}

for (const b of document.querySelectorAll('[data-send]')) b.addEventListener('click', () => send({ type: b.dataset.send }));
document.getElementById('run').addEventListener('click', () => send({ type: 'run', line: document.getElementById('line').value }));
document.getElementById('set-runtime').addEventListener('click', () => {
  const [runtime, ...pairs] = document.getElementById('runtime').value.split(':');
  send({ type: 'setRuntime', runtime, settings: Object.fromEntries(pairs.map((p) => p.split('='))) });
});

// The deck's own keys: they reach this page only while the lab does not have focus.
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
  if (e.key === 'ArrowRight' || e.key === 'PageDown') show(current + 1);
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') show(current - 1);
  else if (e.key === 's') send({ type: 'step' });
  else if (e.key === 'b') send({ type: 'back' });
});

// Every event from the lab, newest last; the test reads them from window.labEvents and the list.
window.labEvents = [];
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || !e.data || e.data.isolab !== 1) return;
  window.labEvents.push(e.data);
  const li = document.createElement('li');
  li.textContent = e.data.type === 'stepped'
    ? `stepped: ${e.data.entry ? e.data.entry.input : '—'} call ${e.data.call + 1} hop ${e.data.hop + 1}/${e.data.hops} ${e.data.layer ?? ''} ${e.data.verdict ?? ''}${e.data.playing ? ' (playing)' : ''}`
    : e.data.type;
  events.append(li);
  while (events.children.length > 12) events.firstElementChild.remove();
});

show(current);
