/**
 * How the page presents itself around the charts: the embed view (`?embed=1`, the chart without controls), the
 * data-version note (`?asOf=`), the sample-data banner, the permalink box and the controls that collapse on a phone.
 */
import { $, el } from './dom.js';
import { t, formatDate } from './i18n.js';

const PHONE = '(max-width: 959px)';
let sample = false;

/** Embed mode, the as-of note and the collapsed controls on a narrow screen. */
export function applyPageMode(state) {
  const lang = state.lang;
  if (state.embed) {
    document.body.classList.add('embed');
    const full = new URL(window.location.href);
    full.searchParams.delete('embed');
    const link = $('#embed-open');
    link.href = full.href;
    link.textContent = t(lang, 'embedOpen');
    link.hidden = false;
  }
  const note = $('#asof-note');
  if (state.asOf) {
    const d = new Date(state.asOf);
    const time = d.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
    note.textContent = t(lang, 'asOfLabel', { date: `${formatDate(state.asOf, lang)} ${time}` });
    note.hidden = false;
  } else {
    note.hidden = true;
  }
  // On a phone the controls start collapsed so the chart is the first thing below them.
  const details = $('#controls-details');
  details.open = !window.matchMedia(PHONE).matches;
  $('#controls-summary').textContent = t(lang, 'controlsToggle');
}

/** Show the sample-data banner once anything says the data is sample data (it stays until the page reloads). */
export function markSample(isSample, lang) {
  sample = sample || !!isSample;
  const banner = $('#sample-banner');
  banner.hidden = !sample;
  banner.textContent = sample ? t(lang, 'sampleBanner') : '';
}

/** The permalink (with asOf) and the iframe code for the embed view, as read-only fields to copy. */
export function renderPermalink(container, { url, embedUrl, lang }) {
  const iframe = `<iframe src="${embedUrl.replace(/"/g, '&quot;')}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
  container.hidden = false;
  container.replaceChildren(
    el('label', { class: 'field-label' }, t(lang, 'permalink'), el('input', { type: 'text', readonly: true, class: 'permalink-url', value: url })),
    el('label', { class: 'field-label' }, t(lang, 'embedCode'), el('input', { type: 'text', readonly: true, class: 'embed-code', value: iframe })),
  );
}
