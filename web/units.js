/**
 * The unit picker: which units a chart covers. Three scopes: the units under one parent (e.g. the districts of
 * Thành phố Hồ Chí Minh), every unit of one level, or units picked one by one. Names are searched on the server,
 * with or without diacritics.
 */
import { el, $, fillSelect } from './dom.js';
import { searchUnits } from './api.js';
import { t, levelName, LEVEL_CODES, formatDate } from './i18n.js';
import { MAX_UNITS } from './state.js';
import { labeller } from './names.js';
import { explainError } from './errors.js';

const SEARCH_DELAY_MS = 250;

function validity(u, lang) {
  if (u.validTo) return t(lang, 'validUntil', { date: formatDate(u.validTo, lang) });
  if (u.validFrom && u.validFrom >= '2025-01-01') return t(lang, 'validFrom', { date: formatDate(u.validFrom, lang) });
  return '';
}

/** "Quận 1 · Thành phố Hồ Chí Minh · đến 30/06/2025": enough to tell same-named units apart. */
export function unitDescription(u, lang) {
  return [u.parentName, levelName(u.level, lang), validity(u, lang)].filter(Boolean).join(' · ');
}

/** A search field with a result list; `onPick(unit)` when a result is chosen. */
function searchBox(container, { lang, onPick }) {
  const input = $('input[type="search"]', container);
  const list = $('.results', container);
  let timer = null;
  let controller = null;
  let results = [];

  function clear() {
    results = [];
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function pick(u) {
    onPick(u);
    input.value = '';
    clear();
    input.focus();
  }

  async function run(text) {
    if (controller) controller.abort();
    if (text.trim().length < 2) return clear();
    controller = new AbortController();
    try {
      const { units } = await searchUnits({ search: text, first: 12 }, { signal: controller.signal });
      results = units;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      list.replaceChildren(...(units.length
        ? units.map((u) => el('li', {}, el('button', { type: 'button', class: 'result', 'data-unit-id': u.id, onclick: () => pick(u) },
          el('span', { class: 'result-name' }, u.name), el('span', { class: 'result-meta' }, unitDescription(u, lang())))))
        : [el('li', { class: 'hint' }, t(lang(), 'searchNone'))]));
    } catch (err) {
      if (err.name !== 'AbortError') {
        list.hidden = false;
        list.replaceChildren(el('li', { class: 'error' }, explainError(err, lang())));
      }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (results[0]) pick(results[0]);
    } else if (event.key === 'ArrowDown') {
      const first = list.querySelector('button');
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === 'Escape') {
      clear();
    }
  });
  list.addEventListener('keydown', (event) => {
    const buttons = [...list.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    if (event.key === 'ArrowDown' && buttons[i + 1]) { event.preventDefault(); buttons[i + 1].focus(); }
    if (event.key === 'ArrowUp') { event.preventDefault(); (buttons[i - 1] || input).focus(); }
    if (event.key === 'Escape') { clear(); input.focus(); }
  });
  return { clear };
}

function chip(u, lang, onRemove, label = (x) => x.name) {
  return el('li', { class: 'chip', 'data-unit-id': u.id },
    el('span', { title: unitDescription(u, lang) }, label(u)),
    onRemove ? el('button', { type: 'button', class: 'chip-remove', 'aria-label': t(lang, 'remove', { name: u.name }), onclick: onRemove }, '×') : '');
}

/**
 * Bind the picker to the page. `get()` returns the current selection { scope, parent, level, units };
 * `onChange(selection)` fires after every user change; `render()` redraws after a language switch.
 */
export function createUnitPicker(root, { lang, initial, onChange }) {
  const selection = { scope: initial.scope, parent: initial.parent, level: initial.level, units: [...initial.units] };
  const areas = { parent: $('#scope-parent', root), level: $('#scope-level', root), units: $('#scope-units', root) };
  const levelSelect = $('#level-select', root);
  const parentChips = $('#parent-chip', root);
  const unitChips = $('#unit-chips', root);
  const changed = () => onChange({ ...selection, units: [...selection.units] });

  searchBox(areas.parent, { lang, onPick: (u) => { selection.parent = u; render(); changed(); } });
  searchBox(areas.units, {
    lang,
    onPick: (u) => {
      if (!selection.units.some((x) => x.id === u.id) && selection.units.length < MAX_UNITS) selection.units.push(u);
      render();
      changed();
    },
  });
  for (const radio of root.querySelectorAll('input[name="scope"]')) {
    radio.addEventListener('change', () => {
      selection.scope = radio.value;
      render();
      changed();
    });
  }
  levelSelect.addEventListener('change', () => {
    selection.level = levelSelect.value;
    changed();
  });

  function render() {
    const l = lang();
    for (const radio of root.querySelectorAll('input[name="scope"]')) radio.checked = radio.value === selection.scope;
    for (const [scope, area] of Object.entries(areas)) area.hidden = scope !== selection.scope;
    fillSelect(levelSelect, LEVEL_CODES.map((code) => [code, levelName(code, l)]), selection.level);
    parentChips.replaceChildren(...(selection.parent ? [chip(selection.parent, l, null)] : [el('li', { class: 'hint' }, t(l, 'noUnitsChosen'))]));
    unitChips.replaceChildren(...(selection.units.length
      ? selection.units.map((u) => chip(u, l, () => {
        selection.units = selection.units.filter((x) => x.id !== u.id);
        render();
        changed();
      }, labeller(selection.units)))
      : [el('li', { class: 'hint' }, t(l, 'noUnitsChosen'))]));
  }

  render();
  return { get: () => ({ ...selection, units: [...selection.units] }), render };
}
