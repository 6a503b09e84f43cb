import { industryMatcher } from '../../src/engine/industries';
import { defaultSettings, validSettings } from '../../src/engine/settings';

describe('industryMatcher', () => {
  const groupOf = industryMatcher(defaultSettings().industries);

  it('maps what planners type to the target table groups', () => {
    expect(groupOf('政府')).toBe('government');
    expect(groupOf('银行')).toBe('finance-telecom');
    expect(groupOf('运营商')).toBe('finance-telecom');
    expect(groupOf('电信')).toBe('finance-telecom');
    expect(groupOf('高校')).toBe('education');
    expect(groupOf('石化')).toBe('petrochemical');
    expect(groupOf('网吧')).toBe('enterprise');
    expect(groupOf(' Finance ')).toBe('finance-telecom');
    expect(groupOf('TELECOM')).toBe('finance-telecom');
  });

  it('finds a known word inside longer text, the longest first', () => {
    expect(groupOf('股份制银行')).toBe('finance-telecom');
    expect(groupOf('石油化工')).toBe('petrochemical');
    expect(groupOf('地方政府机关')).toBe('government');
  });

  it('puts anything unmapped, and blanks, in 其他', () => {
    expect(groupOf('农业')).toBe('other');
    expect(groupOf('')).toBe('other');
  });

  it('follows an edited mapping', () => {
    const edited = industryMatcher(validSettings({ industries: [{ text: '医院', group: 'government' }] }).industries);
    expect(edited('医院')).toBe('government');
    expect(edited('银行')).toBe('other');
  });
});
