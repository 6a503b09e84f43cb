/**
 * City names as planners type them → one canonical name, and each city's province.
 * Pure and cached: the engine calls normaliseCity once per row, so a repeated raw string
 * costs one Map lookup.
 */
import { PINYIN_PREFERRED, PROVINCE_ROWS } from './cityData';

export interface CityInfo {
  /** Canonical name without 市: "西安", "延边", "兴安盟". */
  name: string;
  /** Short province name: "陕西"; the municipalities, Hong Kong and Macau name themselves. */
  province: string;
  pinyin: string;
}

export interface ProvinceInfo {
  short: string;
  full: string;
  pinyin: string;
}

/** Tier 1 by default (一级城市). */
export const TIER1_CITIES: readonly string[] = ['北京', '上海', '广州'];

/**
 * The 27 provincial capitals, municipalities excluded (and 台北 left out). 广州 is one of
 * them but is Tier 1: the Tier 2 default is this list minus TIER1_CITIES plus TIER2_EXTRA_CITIES.
 */
export const PROVINCIAL_CAPITALS: readonly string[] = [
  '石家庄', '太原', '呼和浩特', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州',
  '武汉', '长沙', '广州', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐',
];

/** The non-capital cities the method puts in Tier 2. */
export const TIER2_EXTRA_CITIES: readonly string[] = ['天津', '重庆', '青岛', '大连', '厦门', '深圳'];

/** Tier 2 by default (二级城市): the provincial capitals that are not Tier 1, plus the extras. */
export const TIER2_CITIES: readonly string[] = [
  ...PROVINCIAL_CAPITALS.filter((c) => !TIER1_CITIES.includes(c)),
  ...TIER2_EXTRA_CITIES,
];

// ---- Tables built once from cityData ----

const cityList: CityInfo[] = [];
const provinceList: ProvinceInfo[] = [];
/** Canonical name → info. */
const byName = new Map<string, CityInfo>();
/** Every written form (canonical, 市 form, full 自治州 names, former names) → canonical. */
const aliases = new Map<string, string>();
/** Latin key (lower-case, no separators) → canonical. */
const pinyinKeys = new Map<string, string>();
/** Province prefixes to strip (not the city-provinces), by their first two characters, longest first. */
const provincePrefixes = new Map<string, string[]>();
/** Any province form, for a whole string that is only a province → its short name. */
const provinceForms = new Map<string, string>();
/** Province pinyin prefixes, longest first. */
const provincePinyin: string[] = [];

function addAlias(form: string, canonical: string): void {
  const existing = aliases.get(form);
  // A form that two cities claim would be a data error: fail loudly at load, not silently later.
  if (existing !== undefined && existing !== canonical) throw new Error(`cityData: "${form}" is both ${existing} and ${canonical}`);
  aliases.set(form, canonical);
}

function addPinyin(key: string, canonical: string): void {
  const existing = pinyinKeys.get(key);
  if (existing === undefined || existing === canonical) {
    pinyinKeys.set(key, canonical);
    return;
  }
  const preferred = PINYIN_PREFERRED[key];
  if (preferred === undefined) throw new Error(`cityData: pinyin "${key}" is both ${existing} and ${canonical}; add it to PINYIN_PREFERRED`);
  pinyinKeys.set(key, preferred);
}

for (const p of PROVINCE_ROWS) {
  provinceList.push({ short: p.short, full: p.full, pinyin: p.pinyin });
  for (const form of [p.full, p.short, ...p.aliases]) {
    provinceForms.set(form, p.short);
    // A municipality in front of a district is the city itself ("北京朝阳区" is not 辽宁's 朝阳).
    if (!p.isCity) pushByHead(provincePrefixes, form);
  }
  if (!p.isCity) provincePinyin.push(p.pinyin);
  for (const row of p.cities) {
    const [name, pinyin, aliasText = '', spellingText = ''] = row.split('|');
    const info: CityInfo = { name, province: p.short, pinyin };
    cityList.push(info);
    byName.set(name, info);
    for (const form of [name, `${name}市`, ...words(aliasText)]) addAlias(form, name);
    for (const key of [pinyin, ...words(spellingText)]) addPinyin(key, name);
  }
}
for (const forms of provincePrefixes.values()) forms.sort((a, b) => b.length - a.length);
provincePinyin.sort((a, b) => b.length - a.length);
/** For prefix matching: alias lengths by first two characters, longest first, so a miss costs one lookup. */
const aliasLengths = new Map<string, number[]>();
for (const form of aliases.keys()) {
  const lengths = aliasLengths.get(form.slice(0, 2));
  if (lengths === undefined) aliasLengths.set(form.slice(0, 2), [form.length]);
  else if (!lengths.includes(form.length)) lengths.push(form.length);
}
for (const lengths of aliasLengths.values()) lengths.sort((a, b) => b - a);

function words(text: string): string[] {
  return text.split(' ').filter((w) => w !== '');
}

function pushByHead(map: Map<string, string[]>, form: string): void {
  const list = map.get(form.slice(0, 2));
  if (list === undefined) map.set(form.slice(0, 2), [form]);
  else list.push(form);
}

/** The province form (full or short) that starts s and leaves something after it. */
function provincePrefix(s: string): string | undefined {
  return provincePrefixes.get(s.slice(0, 2))?.find((p) => s.length > p.length && s.startsWith(p));
}

/** Every city the module knows, in data order (province by province). */
export const CITIES: readonly CityInfo[] = cityList;
/** The 34 province-level divisions. */
export const PROVINCES: readonly ProvinceInfo[] = provinceList;

// ---- Normalisation ----

// Whitespace (incl. the ideographic space, which NFKC makes a plain space) and invisible marks.
const SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const HAN = /\p{Script=Han}/u;
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;
const LATIN_SEPARATORS = /[\s'’‘`´\-_.·・]+/g;
const COMBINING = /\p{M}+/gu;

const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

/**
 * Canonical city name for what a planner typed: "陕西省西安市", "Xi'an", "xian" → "西安".
 * Unrecognised text comes back cleaned (NFKC, no spaces, province prefix and trailing 市/区
 * removed: "江苏省昆山市" → "昆山"), blank → "". Idempotent.
 */
export function normaliseCity(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const result = compute(raw);
  // Bounded so a column of a million distinct strings cannot grow it without end.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

/** Short province name of a city ("西安" → "陕西"); the input is normalised first. */
export function provinceOf(city: string): string | undefined {
  return (byName.get(city) ?? byName.get(normaliseCity(city)))?.province;
}

/** Whether the text names a city in the data set (in any form normaliseCity understands). */
export function knownCity(city: string): boolean {
  return provinceOf(city) !== undefined;
}

function compute(raw: string): string {
  const text = String(raw ?? '');
  // Printable ASCII and the CJK Unified Ideographs block are NFKC-stable: skip the normaliser.
  const s = (NFKC_STABLE.test(text) ? text : text.normalize('NFKC')).replace(SPACE, '');
  if (s === '') return '';
  const found = resolve(s);
  if (found !== undefined) return found;
  const province = provinceForms.get(s);
  if (province !== undefined) return province;
  const cleaned = clean(s);
  if (cleaned !== s) {
    const again = resolve(cleaned);
    if (again !== undefined) return again;
  }
  // Returned text must normalise to itself, hence the province check on the cleaned form too.
  return provinceForms.get(cleaned) ?? cleaned;
}

/** Strip province prefixes and trailing 市/区 until nothing changes (never to empty). */
function clean(s: string): string {
  let out = s;
  for (;;) {
    let next = out;
    while (next.length > 1 && (next.endsWith('市') || next.endsWith('区'))) next = next.slice(0, -1);
    const prefix = provincePrefix(next);
    if (prefix !== undefined) next = next.slice(prefix.length);
    if (next.startsWith('中国') && next.length > 2) next = next.slice(2);
    if (next === out) return out;
    out = next;
  }
}

function resolve(s: string): string | undefined {
  if (HAN.test(s)) {
    const exact = aliases.get(s);
    if (exact !== undefined) return exact;
    const body = s.startsWith('中国') ? s.slice(2) : s;
    const prefix = provincePrefix(body);
    if (prefix !== undefined) {
      const rest = body.slice(prefix.length);
      const city = aliases.get(rest) ?? longestPrefix(rest);
      if (city !== undefined) return city;
    }
    return longestPrefix(body);
  }
  return /[a-z]/i.test(s) ? resolvePinyin(s) : undefined;
}

/** The longest known form (≥ 2 characters) that starts s: "深圳市南山区" → 深圳. */
function longestPrefix(s: string): string | undefined {
  const lengths = aliasLengths.get(s.slice(0, 2));
  if (lengths === undefined) return undefined;
  for (const len of lengths) {
    if (len > s.length) continue;
    const city = aliases.get(s.slice(0, len));
    if (city !== undefined) return city;
  }
  return undefined;
}

function resolvePinyin(s: string): string | undefined {
  // Tone marks and ü fall away with NFD; separators (Xi'an, Bei Jing, Xi’an, Hong-Kong) too.
  const key = s.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(LATIN_SEPARATORS, '');
  if (!/^[a-z]+$/.test(key)) return undefined;
  const direct = lookupPinyin(key);
  if (direct !== undefined) return direct;
  // "Guangdong Shenzhen", "Shaanxi Sheng Xi'an".
  for (const p of provincePinyin) {
    if (!key.startsWith(p)) continue;
    let rest = key.slice(p.length);
    for (const word of ['sheng', 'province']) if (rest.startsWith(word)) rest = rest.slice(word.length);
    const city = rest === '' ? undefined : lookupPinyin(rest);
    if (city !== undefined) return city;
  }
  return undefined;
}

function lookupPinyin(key: string): string | undefined {
  const direct = pinyinKeys.get(key);
  if (direct !== undefined) return direct;
  // "Beijing Shi", "Beijing City"; tried after the whole key so that 黄石 "huangshi" still works.
  for (const suffix of ['shi', 'city']) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      const city = pinyinKeys.get(key.slice(0, -suffix.length));
      if (city !== undefined) return city;
    }
  }
  return undefined;
}
