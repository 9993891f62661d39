/**
 * The English message catalog, the reference: every other language must have exactly its keys
 * (checked by the type of `Messages` and by tests/i18n-catalogs.test.ts). One file per area of the UI.
 */
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

export const en = {
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

/** The shape every catalog has: the English keys, any text. */
export type Messages = DeepText<typeof en>;

type DeepText<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepText<T[K]> };
