/**
 * Unit names that tell same-named units apart: "Phường 1 – TP Cao Lãnh" wherever a name repeats in what is shown.
 * Pure module (no DOM).
 */

/** A unit's name with its parent's short name ("Phường 1 – TP Cao Lãnh"); the bare name when it has no parent. */
export function nameWithParent(u) {
  const parent = u.parentShortName || u.parentName;
  return parent ? `${u.name} – ${parent}` : u.name;
}

/**
 * A labeller for a list of units: names that occur more than once in `units` get their parent, the others stay bare.
 * Returns (unit) => label.
 */
export function labeller(units) {
  const counts = new Map();
  for (const u of units) if (u) counts.set(u.name, (counts.get(u.name) || 0) + 1);
  return (u) => (counts.get(u.name) > 1 ? nameWithParent(u) : u.name);
}
