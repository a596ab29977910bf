import { cityColor, citySymbol } from './compare-charts';

/**
 * The colour and marker shape of the i-th compared city, as drawn in the charts (so a chip, a table
 * heading and a legend entry visibly belong together). Decorative: the city's name is always next to it.
 */
export function CityMark({ index }: { index: number }) {
  const color = cityColor(index);
  return (
    <svg className="cmp-mark" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      {shape(citySymbol(index), color)}
    </svg>
  );
}

function shape(symbol: string, color: string) {
  switch (symbol) {
    case 'rect':
      return <rect x="1" y="1" width="10" height="10" fill={color} />;
    case 'roundRect':
      return <rect x="1" y="1" width="10" height="10" rx="3" fill={color} />;
    case 'triangle':
      return <path d="M6 0.5 L11.5 11 L0.5 11 Z" fill={color} />;
    case 'diamond':
      return <path d="M6 0 L12 6 L6 12 L0 6 Z" fill={color} />;
    case 'pin':
      return <path d="M6 12 C2 7 1 5.5 1 4.5 A5 4.5 0 0 1 11 4.5 C11 5.5 10 7 6 12 Z" fill={color} />;
    case 'arrow':
      return <path d="M6 0 L11 12 L6 9 L1 12 Z" fill={color} />;
    default:
      return <circle cx="6" cy="6" r="5.5" fill={color} />;
  }
}
