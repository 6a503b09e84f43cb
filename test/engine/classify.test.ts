import { atLeast, classify, cityTierLookup } from '../../src/engine/classify';
import { defaultSettings, validSettings } from '../../src/engine/settings';
import { describeReason } from '../../src/i18n/engine';

const s = defaultSettings();

describe('classify', () => {
  it('makes a Tier 1 customer A when both minimums are reached, with the reason', () => {
    const k = classify('1', 620, 240, s);
    expect(k.class).toBe('A');
    expect(k.coverage).toBe('direct');
    expect(describeReason(k.reason, 'en')).toBe('A: potential 620 ≥ 500 and our sales 240 ≥ 200, Tier 1');
    expect(describeReason(k.reason, 'zh')).toBe('A类：客户年市场销售额 620 ≥ 500，且公司销售额 240 ≥ 200（一级城市）');
  });

  it('counts a value exactly on the minimum as reaching it', () => {
    expect(classify('1', 500, 200, s).class).toBe('A');
    expect(classify('1', 100, 30, s).class).toBe('B');
    expect(classify('3', 20, 5, s).class).toBe('B');
  });

  it('makes B when an A minimum is missed but both B minimums are reached, and says which', () => {
    const k = classify('1', 620, 150, s);
    expect(k.class).toBe('B');
    expect(k.coverage).toBe('joint');
    expect(k.reason.missed).toEqual(['ourSales']);
    expect(describeReason(k.reason, 'en')).toBe('B: potential 620 ≥ 100 and our sales 150 ≥ 30, below the A minimum for our sales, Tier 1');
  });

  it('makes C below the B minimums, with the same amounts being B in a lower tier', () => {
    const k = classify('1', 80, 20, s);
    expect(k.class).toBe('C');
    expect(k.coverage).toBe('partner');
    expect(describeReason(k.reason, 'en')).toBe('C: potential 80 < 100 and our sales 20 < 30, below the B minimum, Tier 1');
    expect(classify('3', 80, 20, s).class).toBe('B');
    expect(classify('2', 350, 120, s).class).toBe('A');
    expect(classify('1', 350, 120, s).class).toBe('B');
  });

  it('places customers on the potential × share matrix', () => {
    expect(classify('1', 600, 300, s).mode).toBe('direct'); // high potential, 50 % share
    expect(classify('1', 600, 100, s).mode).toBe('problem'); // high potential, 17 % share
    expect(classify('1', 200, 100, s).mode).toBe('direct-reseller'); // low potential, 50 % share
    expect(classify('1', 200, 20, s).mode).toBe('reseller');
    expect(classify('1', 200, 80, s).mode).toBe('direct-reseller'); // exactly 40 %
  });

  it('treats a share equal to the split up to floating point as reaching it, as spreadsheets do', () => {
    expect(0.7 / 1.75 >= 0.4).toBe(false); // binary floating point says no…
    expect(atLeast(0.7 / 1.75, 0.4)).toBe(true); // …a spreadsheet says yes
    expect(classify('3', 1.75, 0.7, s).mode).toBe('direct-reseller');
    expect(atLeast(0.399, 0.4)).toBe(false);
  });

  it('handles zero potential: any sale is a high share, none is low', () => {
    expect(classify('3', 0, 0, s).mode).toBe('reseller');
    expect(classify('3', 0, 5, s).mode).toBe('direct-reseller');
    expect(classify('3', 0, 5, s).reason.share).toBeNull();
  });

  it('follows edited matrix splits', () => {
    const edited = validSettings({ matrix: { '1': { potential: 100, share: 0.1 } } });
    expect(classify('1', 200, 20, edited).mode).toBe('direct');
  });
});

describe('cityTierLookup', () => {
  it('knows the default tiers and puts any other city, and a blank one, in the fallback tier (Tier 3)', () => {
    const tierOf = cityTierLookup(s);
    expect(tierOf('北京')).toBe('1');
    expect(tierOf('西安')).toBe('2');
    expect(tierOf('深圳')).toBe('2');
    expect(tierOf('苏州')).toBe('3');
    expect(tierOf('')).toBe('3');
  });

  it('reads city names in the settings however they were typed', () => {
    const tierOf = cityTierLookup(validSettings({ cities: [{ city: '苏州市', tier: 2 }, { city: 'Shenzhen', tier: 1 }] }));
    expect(tierOf('苏州')).toBe('2');
    expect(tierOf('深圳')).toBe('1');
    expect(tierOf('北京')).toBe('3');
  });

  it('puts a city not listed in the tier the settings name for it', () => {
    const tierOf = cityTierLookup(validSettings({ fallbackTier: '2' }));
    expect(tierOf('苏州')).toBe('2');
    expect(tierOf('')).toBe('2');
    expect(tierOf('北京')).toBe('1');
  });
});
