/**
 * The message catalogs: Chinese has exactly the English keys, with the same placeholders and
 * markup, no empty text, and no English words; a key the code asks for that a catalog lacks is
 * reported. (Keys used in the code are checked against the English catalog by the type checker.)
 */
import { describe, expect, it, vi } from 'vitest';
import { createFormat } from '../src/i18n/format';
import { createI18n, MISSING_TRANSLATION } from '../src/i18n/i18n';
import { startingLocale } from '../src/i18n/locales';
import { en } from '../src/i18n/messages/en';
import { zhCN } from '../src/i18n/messages/zh-CN';

type Tree = { readonly [key: string]: string | Tree };

/** Every text of a catalog by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/**
 * The distinct placeholders ({{x}}), nested keys ($t(...)) and component tags (<link>) of a text, sorted; less
 * <en>, which only marks English terms inside another language's sentence (rendered lang="en").
 */
function markup(text: string): string[] {
  return [...text.matchAll(/\{\{\s*[\w.]+\s*\}\}|\$t\([^)]*\)|<\/?\w+\s*\/?>/g)]
    .map((match) => match[0].replace(/\s/g, ''))
    .filter((part, index, parts) => !/^<\/?en\/?>$/.test(part) && parts.indexOf(part) === index)
    .sort();
}

const english = flatten(en);
const chinese = flatten(zhCN);

/** Technical names that may stay in Chinese text. */
const ALLOWED_LATIN = new Set(['WebGPU', 'WASM', 'CPU', 'GPU', 'GNN', 'ETF', 'MB', 'kB', 'IndexedDB', 'AES-GCM', 'JSON', 'PWA', 'URL', 'GET', 'HTTP', 'ID', 'SHA-256', 'USE', 'LightGCN', 'English', 'R']);

describe('the message catalogs', () => {
  it('have the same keys in both languages', () => {
    expect(english.size).toBeGreaterThan(300);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have the same placeholders, nested keys and markup in both languages, and no empty text', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(chinese.get(key)?.trim(), key).not.toBe('');
      // A singular may spell its count out ("One product"), so plural forms may leave {{count}} out.
      const plain = (texts: string[]) => (/_(zero|one|two|few|many|other)$/.test(key) ? texts.filter((part) => part !== '{{count}}') : texts);
      expect(plain(markup(chinese.get(key) ?? '')), key).toEqual(plain(markup(text)));
    }
  });

  it('have no English words in the Chinese texts', () => {
    const stray: string[] = [];
    for (const [key, text] of chinese) {
      // <example> (sample searches), <en> and <code> and <cmd> (code names, commands) hold English rendered lang="en".
      const words =
        text
          .replace(/<(example|en|code|cmd)>.*?<\/\1>/g, '')
          .replace(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\w+\s*\/?>/g, '')
          .match(/[A-Za-z][A-Za-z0-9-]*/g) ?? [];
      for (const word of words) if (!ALLOWED_LATIN.has(word) && !/^R[1-5]$/.test(word)) stray.push(`${key}: ${word}`);
    }
    expect(stray).toEqual([]);
  });

  it('address the person politely (您) throughout the Chinese texts', () => {
    expect([...chinese].filter(([, text]) => text.includes('你')).map(([key]) => key)).toEqual([]);
  });

  it('reports a key that is missing, and falls back to English for it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const i18n = createI18n('zh-CN');
    const t = i18n.t as unknown as (key: string) => string;
    expect(t('advisor.page.title')).toBe('顾问模式');
    t('advisor.page.noSuchKey');
    expect(error).toHaveBeenCalledWith(expect.stringContaining(`${MISSING_TRANSLATION}: "advisor.page.noSuchKey"`));
    error.mockRestore();
  });
});

describe('the language', () => {
  it('starts as chosen before, else as the browser prefers, else English', () => {
    expect(startingLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(startingLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(startingLocale('fr', ['de-DE', 'en-GB'])).toBe('en');
    expect(startingLocale(null, ['de-DE'])).toBe('en');
  });

  it('writes numbers, money, durations and dates the way each language does', () => {
    const english = createFormat('en');
    const chinese = createFormat('zh-CN');
    expect(english.months(18)).toBe('18 months');
    expect(chinese.months(18)).toBe('18个月');
    expect(english.months(60)).toBe('5 years');
    expect(chinese.months(12)).toBe('1年');
    expect(english.money(1000, 'EUR')).toBe('€1,000');
    expect(chinese.money(12.5, 'EUR')).toBe('€12.50');
    expect(english.bytes(12_345_678)).toBe('12.3 MB');
    expect(english.bytes(2_400)).toBe('2 kB');
    expect(chinese.duration(840)).toBe('840毫秒');
    const day = Date.UTC(2026, 11, 5, 12);
    expect(chinese.dateTime(day)).toMatch(/^2026年12月5日/);
    expect(english.dateTime(day)).toMatch(/^Dec 5, 2026/);
    expect(english.percentRange(2, 4.5)).toBe('2–4.5%');
  });
});
