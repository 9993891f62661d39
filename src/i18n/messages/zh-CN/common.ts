import type { Messages } from '../en';

export const common: Messages['common'] = {
  productTextNote: '产品名称和说明为英文：本设备上的模型读取英文。',
  language: {
    label: '语言',
    en: 'English',
    'zh-CN': '简体中文',
  },
  tryAgain: '重试',
  progressValue: '{{percent}}，{{numbers}}',
  progressNumbers: '{{numbers}} · {{percent}}',
  favourite: '收藏',
  risk: {
    R1: '低风险',
    R2: '中低风险',
    R3: '中风险',
    R4: '中高风险',
    R5: '高风险',
  },
  catalogNotice: '示例产品，不构成投资建议。',
};
