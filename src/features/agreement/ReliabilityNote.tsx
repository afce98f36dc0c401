import { reliabilityLine } from '../../agreement/metrics.ts';
import { useThemeReliability } from './use-reliability.ts';

/**
 * How often the tagger's tags of one theme were right on entries it had not seen, where a tag
 * is shown: "Fathers and men: 6 in 10 tags right, finds 5 in 10".
 */
export function ReliabilityNote({ themeId, prefix = '' }: { themeId: string; prefix?: string }) {
  const { byTheme } = useThemeReliability();
  const r = byTheme.get(themeId);
  if (!r || r.n === 0) return null;
  return (
    <span className="reliability-note hint" data-testid={`reliability-${themeId}`}
      title={`Out-of-fold figures: ${r.n} judged entries, ${r.tp + r.fn} where people saw the theme.`}>
      {prefix}{reliabilityLine(r.label, r)}
    </span>
  );
}
