/** The Simplified Chinese catalog: the same keys as the English one (see messages/en/index.ts). */
import type { Messages } from '../en';
import { advisor } from './advisor';
import { browse } from './browse';
import { common } from './common';
import { errors } from './errors';
import { forYou } from './forYou';
import { home } from './home';
import { labels } from './labels';
import { layout } from './layout';
import { model } from './model';
import { privacy } from './privacy';
import { product } from './product';
import { profile } from './profile';

export const zhCN: Messages = {
  common,
  layout,
  home,
  model,
  profile,
  forYou,
  browse,
  product,
  privacy,
  advisor,
  errors,
  labels,
};
