import type { Messages } from '../en';

export const home: Messages['home'] = {
  restoring: '正在查找您保存的回答…',
};
