/*
 * Building blocks for synthetic Koha exports (benchmarks, seeds, tests). Names mix diacritics,
 * apostrophes, hyphens, spaces and CJK, because those are what break naive CSV, JSON and PDF code.
 */

export const SURNAMES = [
  'García', "O'Brien", 'Nguyễn', 'Smith-Jones', 'Müller', '李', '王', 'Đặng', 'Kowalczyk', "D'Angelo",
  'Ruiz-Tagle', 'Søndergaard', 'Ångström', 'Çelik', 'Ó Súilleabháin', '佐藤', '김', 'Hernández', 'Le Blanc', 'MacLeod',
];

export const FIRST_NAMES = [
  'José', 'Zoë', 'Seán', 'Anne-Marie', 'François', 'Björn', 'Chloé', '小明', '美咲', 'Thành',
  'Renée', 'Jean-Luc', 'Ngozi', 'Siobhán', "D'Arcy", 'Łukasz', 'Ximena', 'Aarav', 'Hyun-woo', 'Maria',
];

export const TITLES = [
  'Cien años de soledad', '三体', "Harry Potter and the Philosopher's Stone", 'The "Quiet" Year, a memoir',
  'Bury My Heart at Wounded Knee', "Ça, c'est la vie", 'Filing for divorce in California', 'Learning English: Level 2',
  'ノルウェイの森', 'Understanding your immigration rights', 'Crochet for beginners', 'The Joy of Cooking',
];

export const SEARCHES = ['immigration lawyer', 'divorce forms', 'crochet', 'tax help 2025', '村上春樹', 'Nguyễn Du', 'bankruptcy', "children's books"];

export const CITIES = ['Palm Desert', 'Indio', 'La Quinta', 'Cathedral City', 'Rancho Mirage'];
export const BRANCHES = ['PDL', 'IND', 'LQ'];
export const RESOURCES = [
  { resource: 'PC-01', resource_type: 'pc' },
  { resource: 'PC-07', resource_type: 'pc' },
  { resource: 'Study Room B', resource_type: 'room' },
];

/** A small, seedable pseudo-random generator (mulberry32), so a seed always gives the same export. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A 14-digit library barcode, like Koha card numbers: patron 12345 → 23000000012345. */
export function syntheticCardNumber(borrowernumber: number): string {
  return `23${String(borrowernumber).padStart(12, '0')}`;
}

/** Koha's own date-time text, `YYYY-MM-DD HH:MM:SS`, for a point `minutes` after `start`. */
export function kohaDateTime(start: Date, minutes: number): string {
  return new Date(start.getTime() + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}
