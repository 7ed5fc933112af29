import { useI18n } from '../../i18n/i18n.js';

type Level = 'regular' | 'silver' | 'gold' | 'platinum' | null;

/** The caller's member level, where the loyalty system knows it. */
export function MemberChip({ level, hideUnknown = false }: { level: Level; hideUnknown?: boolean }) {
  const { t } = useI18n();
  if (!level && hideUnknown) return null;
  return <span className={`chip member member-${level ?? 'none'}`}>{t(`customers.member.${level ?? 'none'}`)}</span>;
}
