import type { TFunction } from 'i18next';
import type { PersonaId } from '../../protocol/engine-api';

/** A persona's name in the page's language ("Mia, young saver"). */
export function personaName(t: TFunction, id: PersonaId): string {
  return t(`advisor.personas.${id}.name`);
}
