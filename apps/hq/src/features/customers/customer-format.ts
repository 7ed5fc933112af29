import type { Locale } from '@repo/i18n';

/** A number as an agent reads it back: "138 0013 8000", "021 6400 1111". */
export function formatPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  const landline = /^(0\d{2})(\d{4})(\d{4})$/.exec(phone);
  return landline ? `${landline[1]} ${landline[2]} ${landline[3]}` : phone;
}

/** "350 米", "1.8 公里", "12 km": metres to the ten under a kilometre, one decimal under 10 km. */
export function formatDistance(km: number, locale: Locale): string {
  if (km < 1) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(Math.max(10, Math.round(km * 100) * 10));
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', unitDisplay: 'short', maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
}

/** Coordinates to five decimals (about a metre), in the locale's digits. */
export function formatCoordinate(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5, useGrouping: false }).format(value);
}
