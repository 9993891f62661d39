/** Engine failures are explained in the person's language; the engine's own English message is folded away and marked English. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/i18n';
import type { Locale } from '../src/i18n/locales';
import type { SerializedError } from '../src/protocol/engine-api';
import { BACKEND_PREFERENCES, isBackendPreference } from '../src/ui/backend-preference';
import { EngineErrorNotice } from '../src/ui/common/EngineErrorNotice';

// A Record, so that a new error code without advice fails the type check here as well.
const CODES = Object.keys({
  INVALID_INPUT: true,
  BACKEND_UNAVAILABLE: true,
  MODEL_LOAD_FAILED: true,
  INTEGRITY_FAILED: true,
  NOT_READY: true,
  MODEL_UNAVAILABLE: true,
  STORAGE_FAILED: true,
  STORAGE_LOCKED: true,
  ADVISOR_MODE: true,
  INTERNAL: true,
  WORKER_FAILED: true,
} satisfies Record<SerializedError['code'], true>) as SerializedError['code'][];

function render(locale: Locale, error: SerializedError, onRetry?: () => void): string {
  const notice = createElement(EngineErrorNotice, { title: 'title', error, testId: 'notice', onRetry });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, notice));
}

describe('engine error notice', () => {
  it('has advice for every error code in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const t = createI18n(locale).t;
      for (const code of CODES) {
        const advice = t(`errors.advice.${code}`);
        expect(advice, `${locale} ${code}`).not.toBe(`errors.advice.${code}`);
        expect(advice.length, `${locale} ${code}`).toBeGreaterThan(0);
      }
    }
  });

  it('shows the advice in English and the engine message under "Technical details", marked English', () => {
    const html = render('en', { code: 'MODEL_LOAD_FAILED', message: 'encoder/weights.bin: HTTP 404' }, () => undefined);
    expect(html).toContain('Check your connection, then press &quot;Try again&quot;. If you run the app yourself, run &quot;<span lang="en">npm run models</span>&quot;');
    expect(html).toContain('<details lang="en"><summary lang="en">Technical details</summary><p>encoder/weights.bin: HTTP 404</p></details>');
    expect(html).toContain('>Try again</button>');
  });

  it('writes the advice and the disclosure in Chinese, keeping only the engine message in English', () => {
    const html = render('zh-CN', { code: 'ADVISOR_MODE', message: 'A demo persona is active.' }, () => undefined);
    expect(html).toContain('这是演示人物的数据。');
    expect(html).toContain('<details lang="en"><summary lang="zh-CN">技术详情</summary><p>A demo persona is active.</p></details>');
    expect(html).toContain('>重试</button>');
  });

  it('offers no retry when the worker itself stopped', () => {
    expect(render('en', { code: 'WORKER_FAILED', message: 'worker crashed' }, () => undefined)).not.toContain('<button');
  });
});

describe('backend preferences', () => {
  it('lists every preference for the chooser and recognises only those', () => {
    expect(BACKEND_PREFERENCES).toEqual(['auto', 'webgpu', 'wasm', 'cpu']);
    expect(isBackendPreference('wasm')).toBe(true);
    expect(isBackendPreference('toString')).toBe(false);
    const t = createI18n('zh-CN').t;
    expect(BACKEND_PREFERENCES.map((preference) => t(`model.preference.${preference}`))).toContain('自动（最快的可用后端）');
  });
});
