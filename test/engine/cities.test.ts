import fc from 'fast-check';
import {
  CITIES,
  PROVINCES,
  PROVINCIAL_CAPITALS,
  TIER1_CITIES,
  TIER2_CITIES,
  TIER2_EXTRA_CITIES,
  knownCity,
  normaliseCity,
  provinceOf,
} from '../../src/engine/cities';
import { PINYIN_PREFERRED } from '../../src/engine/cityData';

describe('normaliseCity', () => {
  it.each([
    ['北京市', '北京'],
    ['北京', '北京'],
    ['Beijing', '北京'],
    ['beijing ', '北京'],
    ['BEIJING', '北京'],
    ['Bei Jing', '北京'],
    ['Bei-Jing', '北京'],
    ['Beijing Shi', '北京'],
    ['Beijing City', '北京'],
    ['Peking', '北京'],
    ["Xi'an", '西安'],
    ['xian', '西安'],
    ['Xian', '西安'],
    ['Xi’an', '西安'],
    ['Xī’ān', '西安'],
    ['陕西省西安市', '西安'],
    ['陕西西安', '西安'],
    ['广东省深圳市南山区', '深圳'],
    ['深圳南山', '深圳'],
    ['北京市海淀区', '北京'],
    ['北京朝阳区', '北京'],
    ['上海浦东新区', '上海'],
    ['内蒙古自治区呼和浩特市', '呼和浩特'],
    ['新疆乌鲁木齐', '乌鲁木齐'],
    ['新疆维吾尔自治区乌鲁木齐市', '乌鲁木齐'],
    ['Urumqi', '乌鲁木齐'],
    ['Hohhot', '呼和浩特'],
    ['Harbin', '哈尔滨'],
    ['Lhasa', '拉萨'],
    ['Xining', '西宁'],
    ['Xiamen', '厦门'],
    ['Canton', '广州'],
    ['Hong Kong', '香港'],
    ['香港特别行政区', '香港'],
    ['Macau', '澳门'],
    ['Macao', '澳门'],
    ['Ｓｈａｎｇｈａｉ', '上海'],
    ['深 圳', '深圳'],
    ['\u3000深圳市\u3000', '深圳'],
    ['重庆市', '重庆'],
    ['天津', '天津'],
    ['huangshi', '黄石'],
    ['Huangshi Shi', '黄石'],
    ['Guangdong Shenzhen', '深圳'],
    ['lüliang', '吕梁'],
    ['Lvliang', '吕梁'],
    ['吉林省吉林市', '吉林'],
    ['吉林市船营区', '吉林'],
    ['吉林长春', '长春'],
    ['延边朝鲜族自治州', '延边'],
    ['延边州', '延边'],
    ['吉林省延边州延吉市', '延边'],
    ['大理白族自治州', '大理'],
    ['大理市', '大理'],
    ['恩施州', '恩施'],
    ['阿克苏地区', '阿克苏'],
    ['锡林郭勒', '锡林郭勒盟'],
    ['阿拉善左旗', '阿拉善盟'],
    ['海南藏族自治州', '海南州'],
    ['青海省海南藏族自治州', '海南州'],
    ['海南省海口市', '海口'],
    ['襄樊', '襄阳'],
    ['莱芜市', '济南'],
    ['中国北京', '北京'],
    ['Suzhou', '苏州'],
    ['Taizhou', '台州'],
    ['Fuzhou', '福州'],
    ['Yichun', '宜春'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseCity(raw)).toBe(expected);
  });

  it('keeps unknown text, cleaned', () => {
    expect(normaliseCity('昆山市')).toBe('昆山');
    expect(normaliseCity('江苏省昆山市')).toBe('昆山');
    expect(normaliseCity('江苏 昆山')).toBe('昆山');
    expect(normaliseCity('义乌')).toBe('义乌');
    expect(normaliseCity('Ｋｕｎｓｈａｎ　１')).toBe('Kunshan1');
    expect(normaliseCity('Kun Shan')).toBe('KunShan');
    expect(normaliseCity('浦东新区')).toBe('浦东新');
    expect(normaliseCity('广东省')).toBe('广东');
    expect(normaliseCity('内蒙古自治区')).toBe('内蒙古');
    expect(normaliseCity('海南')).toBe('海南');
    expect(normaliseCity('???')).toBe('???');
  });

  it('turns blank into ""', () => {
    for (const blank of ['', ' ', '\u3000', '\t\n', '\u200b']) expect(normaliseCity(blank)).toBe('');
  });

  it('is idempotent over the whole data set and its written forms', () => {
    const inputs = CITIES.flatMap((c) => [c.name, `${c.name}市`, c.pinyin, `${c.province}${c.name}`]);
    inputs.push(...PROVINCES.flatMap((p) => [p.short, p.full, `${p.full}某某县`]));
    for (const x of inputs) {
      const once = normaliseCity(x);
      expect([x, normaliseCity(once)]).toEqual([x, once]);
    }
  });

  it('is idempotent on arbitrary text', () => {
    const chars = fc.constantFrom(...'北京市区省海南吉林广东中国西安 Xi\'anshiＡ１\u3000-'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars })), (x) => {
        const once = normaliseCity(x);
        return normaliseCity(once) === once;
      }),
      { numRuns: 2000 },
    );
  });

  it('maps every canonical name to itself and its pinyin to it (or the preferred city)', () => {
    for (const c of CITIES) {
      expect(normaliseCity(c.name)).toBe(c.name);
      expect(normaliseCity(`${c.name}市`)).toBe(c.name);
      expect(normaliseCity(c.pinyin)).toBe(PINYIN_PREFERRED[c.pinyin] ?? c.name);
      expect(normaliseCity(`${c.province}${c.name}`)).toBe(c.name);
    }
  });
});

describe('data', () => {
  it('lists the 333 prefecture-level divisions, 4 municipalities, Hong Kong and Macau', () => {
    expect(CITIES).toHaveLength(339);
    expect(new Set(CITIES.map((c) => c.name)).size).toBe(339);
  });

  it('lists the 34 province-level divisions', () => {
    expect(PROVINCES).toHaveLength(34);
  });

  it('counts cities per province as the official lists do', () => {
    const count = (p: string) => CITIES.filter((c) => c.province === p).length;
    const expected: Record<string, number> = {
      河北: 11, 山西: 11, 内蒙古: 12, 辽宁: 14, 吉林: 9, 黑龙江: 13, 江苏: 13, 浙江: 11, 安徽: 16, 福建: 9,
      江西: 11, 山东: 16, 河南: 17, 湖北: 13, 湖南: 14, 广东: 21, 广西: 14, 海南: 4, 四川: 21, 贵州: 9,
      云南: 16, 西藏: 7, 陕西: 10, 甘肃: 14, 青海: 8, 宁夏: 5, 新疆: 14,
    };
    for (const [p, n] of Object.entries(expected)) expect([p, count(p)]).toEqual([p, n]);
  });

  it('resolves every pinyin collision explicitly', () => {
    const seen = new Map<string, string[]>();
    for (const c of CITIES) seen.set(c.pinyin, [...(seen.get(c.pinyin) ?? []), c.name]);
    const collisions = [...seen].filter(([, names]) => names.length > 1).map(([key]) => key).sort();
    expect(collisions).toEqual(Object.keys(PINYIN_PREFERRED).sort());
  });
});

describe('provinceOf / knownCity', () => {
  it.each([
    ['北京', '北京'], ['上海', '上海'], ['天津', '天津'], ['重庆', '重庆'], ['广州', '广东'], ['深圳', '广东'],
    ['青岛', '山东'], ['大连', '辽宁'], ['厦门', '福建'], ['西安', '陕西'], ['呼和浩特', '内蒙古'],
    ['乌鲁木齐', '新疆'], ['拉萨', '西藏'], ['南宁', '广西'], ['银川', '宁夏'], ['苏州', '江苏'], ['宿州', '安徽'],
    ['台州', '浙江'], ['泰州', '江苏'], ['抚州', '江西'], ['伊春', '黑龙江'], ['榆林', '陕西'], ['玉林', '广西'],
    ['延边', '吉林'], ['吉林', '吉林'], ['海南州', '青海'], ['三亚', '海南'], ['恩施', '湖北'], ['大理', '云南'],
    ['朝阳', '辽宁'], ['香港', '香港'], ['澳门', '澳门'],
  ])('%s is in %s', (city, province) => {
    expect(provinceOf(city)).toBe(province);
    expect(knownCity(city)).toBe(true);
  });

  it('knows every provincial capital and Tier 2 extra, in the right province', () => {
    const capitalOf: Record<string, string> = {
      石家庄: '河北', 太原: '山西', 呼和浩特: '内蒙古', 沈阳: '辽宁', 长春: '吉林', 哈尔滨: '黑龙江', 南京: '江苏',
      杭州: '浙江', 合肥: '安徽', 福州: '福建', 南昌: '江西', 济南: '山东', 郑州: '河南', 武汉: '湖北', 长沙: '湖南',
      广州: '广东', 南宁: '广西', 海口: '海南', 成都: '四川', 贵阳: '贵州', 昆明: '云南', 拉萨: '西藏', 西安: '陕西',
      兰州: '甘肃', 西宁: '青海', 银川: '宁夏', 乌鲁木齐: '新疆',
    };
    expect([...PROVINCIAL_CAPITALS].sort()).toEqual(Object.keys(capitalOf).sort());
    for (const c of PROVINCIAL_CAPITALS) expect([c, provinceOf(c)]).toEqual([c, capitalOf[c]]);
    const extras: Record<string, string> = { 天津: '天津', 重庆: '重庆', 青岛: '山东', 大连: '辽宁', 厦门: '福建', 深圳: '广东' };
    expect([...TIER2_EXTRA_CITIES].sort()).toEqual(Object.keys(extras).sort());
    for (const c of TIER2_EXTRA_CITIES) expect([c, provinceOf(c)]).toEqual([c, extras[c]]);
  });

  it('splits the default tiers as the method does', () => {
    expect(TIER1_CITIES).toEqual(['北京', '上海', '广州']);
    expect(TIER2_CITIES).toHaveLength(32);
    expect(TIER2_CITIES).not.toContain('广州');
    for (const c of [...TIER1_CITIES, ...TIER2_CITIES]) expect(knownCity(c)).toBe(true);
  });

  it('accepts written forms and rejects unknown cities', () => {
    expect(provinceOf('陕西省西安市')).toBe('陕西');
    expect(provinceOf('Xiamen')).toBe('福建');
    expect(provinceOf('昆山')).toBeUndefined();
    expect(provinceOf('')).toBeUndefined();
    expect(provinceOf('广东')).toBeUndefined();
    expect(knownCity('昆山市')).toBe(false);
  });
});

describe('speed', () => {
  it('normalises a million repeated values quickly', () => {
    const samples = ['北京市', 'Beijing', '陕西省西安市', '深 圳', 'Xi’an', '昆山市', '广东省深圳市南山区', ''];
    const start = performance.now();
    for (let i = 0; i < 1_000_000; i++) normaliseCity(samples[i % samples.length]);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
