import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { usePerson } from '../store-context';

/** The "Variety" slider: 0 ranks purely by relevance, towards 1 the list holds less alike products. */
export function DiversityControl() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const diversity = usePerson((state) => state.diversity);
  const setDiversity = usePerson((state) => state.setDiversity);
  return (
    <div className="field diversity-control">
      <label htmlFor={id}>{t('forYou.diversity.label')}</label>
      <div className="range-row">
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={0.1}
          value={diversity}
          data-testid="diversity"
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setDiversity(Number(event.target.value));
          }}
        />
        <output htmlFor={id}>{format.number(diversity)}</output>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('forYou.diversity.hint')}
      </p>
    </div>
  );
}
