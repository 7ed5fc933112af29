import type { StaffMember } from '../../local-db/store-db.js';

interface ClerkPickerProps {
  readonly clerks: readonly StaffMember[];
  readonly selectedId: string | null;
  readonly onSelect: (clerk: StaffMember) => void;
  /** The group's accessible name (the heading above it). */
  readonly labelledBy: string;
  /** How to show a clerk's name, e.g. with "(last attempt)". */
  readonly nameOf?: (clerk: StaffMember) => string;
}

/** The store's clerks as big buttons, one per line: a tap selects, it never hands off by itself. */
export function ClerkPicker({ clerks, selectedId, onSelect, labelledBy, nameOf = (c) => c.displayName }: ClerkPickerProps) {
  return (
    <div role="group" aria-labelledby={labelledBy}>
      <ul className="clerk-picker">
        {clerks.map((clerk) => (
          <li key={clerk.id}>
            <button type="button" className="clerk" aria-pressed={clerk.id === selectedId} onClick={() => onSelect(clerk)}>
              {nameOf(clerk)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
