import { useId } from 'react';
import { usePerson } from '../store-context';

/** The "Variety" slider: 0 ranks purely by relevance, towards 1 the list holds less alike products. */
export function DiversityControl() {
  const id = useId();
  const diversity = usePerson((state) => state.diversity);
  const setDiversity = usePerson((state) => state.setDiversity);
  return (
    <div className="field diversity-control">
      <label htmlFor={id}>Variety</label>
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
        <output htmlFor={id}>{diversity.toFixed(1)}</output>
      </div>
      <p className="hint" id={`${id}-hint`}>
        0: the closest matches, even if alike. Towards 1: more different kinds of product.
      </p>
    </div>
  );
}
